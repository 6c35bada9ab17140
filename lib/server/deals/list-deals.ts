import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { DealStage } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageParams, paged, splitPage, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDeals } from "@/lib/server/deals/deal-access";

// "action" (the default): open deals first, the soonest expected close on top, then closed ones, latest first.
export const dealListParams = z.object({
  ...pageParams,
  sort: z.enum(["action", "name", "closeDate", "amountCents", "stage"]).catch("action"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  stage: z.enum(DealStage).optional().catch(undefined),
  /** Only deals marked closed-won in Baton within this many days (the AE home's "closed-won, last 30 days"). */
  wonWithin: z.coerce.number().int().min(1).max(366).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type DealListParams = z.infer<typeof dealListParams>;

export interface DealRow {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  stage: DealStage;
  amountCents: bigint;
  closeDate: Date;
  ownerName: string;
  handoffId: string | null;
}

const select = {
  id: true,
  name: true,
  stage: true,
  amountCents: true,
  closeDate: true,
  account: { select: { id: true, name: true } },
  owner: { select: { name: true } },
  handoffs: { where: { type: { in: ["NEW_CUSTOMER", "EXPANSION"] } }, take: 1, select: { id: true } },
} satisfies Prisma.DealSelect;

type Selected = Prisma.DealGetPayload<{ select: typeof select }>;

const OPEN: Prisma.DealWhereInput = { stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } };

export async function listDeals(actor: ActingUser, params: DealListParams, now = new Date()): Promise<Paged<DealRow>> {
  const where: Prisma.DealWhereInput = {
    AND: [
      visibleDeals(actor),
      params.stage ? { stage: params.stage } : {},
      params.wonWithin ? { stage: "CLOSED_WON", closedWonAt: { gte: wonSince(now, params.wonWithin) } } : {},
      params.q ? { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { account: { name: { contains: params.q, mode: "insensitive" } } }] } : {},
    ],
  };
  const [rows, count] = await Promise.all([
    params.sort === "action"
      ? actionFirst(where, params)
      : prisma.deal.findMany({ where, orderBy: [{ [params.sort]: params.dir }, { id: "asc" }], skip: (params.page - 1) * params.perPage, take: params.perPage, select }),
    prisma.deal.count({ where }),
  ]);
  return paged(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      accountId: row.account.id,
      accountName: row.account.name,
      stage: row.stage,
      amountCents: row.amountCents,
      closeDate: row.closeDate,
      ownerName: row.owner.name,
      handoffId: row.handoffs[0]?.id ?? null,
    })),
    count,
    params.page,
    params.perPage,
  );
}

/** The start of "closed-won within the last `days` days", the same instant the AE home counts from. */
export function wonSince(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

async function actionFirst(where: Prisma.DealWhereInput, params: DealListParams): Promise<Selected[]> {
  const openWhere = { AND: [where, OPEN] };
  const closedWhere = { AND: [where, { NOT: OPEN }] };
  const { first, second } = splitPage(await prisma.deal.count({ where: openWhere }), params.page, params.perPage);
  const [open, closed] = await Promise.all([
    first.take > 0 ? prisma.deal.findMany({ where: openWhere, orderBy: [{ closeDate: "asc" }, { id: "asc" }], ...first, select }) : [],
    second.take > 0 ? prisma.deal.findMany({ where: closedWhere, orderBy: [{ closeDate: "desc" }, { id: "asc" }], ...second, select }) : [],
  ]);
  return [...open, ...closed];
}
