import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { DealStage } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageParams, paged, splitPage, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { seesEveryAccount } from "@/lib/server/accounts/permissions";
import { visibleDeals, visibleDealsSql } from "@/lib/server/deals/deal-access";

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

// Named stage by stage (not "not closed"): an IN list is answered by the (stage, closeDate) index, NOT IN by reading every deal.
const OPEN: Prisma.DealWhereInput = { stage: { in: ["PROSPECTING", "DISCOVERY", "PROPOSAL", "NEGOTIATION"] } };
const CLOSED: Prisma.DealWhereInput = { stage: { in: ["CLOSED_WON", "CLOSED_LOST"] } };

export async function listDeals(actor: ActingUser, params: DealListParams, now = new Date()): Promise<Paged<DealRow>> {
  const where: Prisma.DealWhereInput = {
    AND: [
      visibleDeals(actor),
      params.stage ? { stage: params.stage } : {},
      params.wonWithin ? { stage: "CLOSED_WON", closedWonAt: { gte: wonSince(now, params.wonWithin) } } : {},
      // An AE's or a CSM's own deals are few: reading them and matching the text is cheapest.
      params.q && !seesEveryAccount(actor)
        ? { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { account: { name: { contains: params.q, mode: "insensitive" } } }] }
        : {},
    ],
  };
  const [rows, count] = params.q && seesEveryAccount(actor)
    ? await searchDeals(actor, params, now)
    : await Promise.all([
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
  const closedWhere = { AND: [where, CLOSED] };
  const { first, second } = splitPage(await prisma.deal.count({ where: openWhere }), params.page, params.perPage);
  const [open, closed] = await Promise.all([
    first.take > 0 ? prisma.deal.findMany({ where: openWhere, orderBy: [{ closeDate: "asc" }, { id: "asc" }], ...first, select }) : [],
    second.take > 0 ? prisma.deal.findMany({ where: closedWhere, orderBy: [{ closeDate: "desc" }, { id: "asc" }], ...second, select }) : [],
  ]);
  return [...open, ...closed];
}

const SEARCH_ORDER: Record<Exclude<DealListParams["sort"], "action">, Prisma.Sql> = {
  name: Prisma.sql`d."name"`,
  closeDate: Prisma.sql`d."closeDate"`,
  amountCents: Prisma.sql`d."amountCents"`,
  stage: Prisma.sql`d."stage"`,
};

/**
 * A search over every deal (CS managers, leadership, admins) names the deal or its account. Written as one `deal.name ILIKE … OR account.name ILIKE …` over the join,
 * no index could answer it and every deal was read (twice: the page and the count); here each half is answered by its
 * trigram index (Deal_name_trgm_idx, Account_name_trgm_idx, as the global search), the matches are united, then
 * filtered, ordered and paged like the list, and the page's rows read by id.
 */
async function searchDeals(actor: ActingUser, params: DealListParams, now: Date): Promise<[Selected[], number]> {
  // The same pattern as Prisma's `contains` for the other roles (it does not escape % or _), so every role matches alike.
  const pattern = `%${params.q ?? ""}%`;
  const conditions: Prisma.Sql[] = [visibleDealsSql(actor)];
  if (params.stage) conditions.push(Prisma.sql`d."stage" = ${params.stage}::"DealStage"`);
  if (params.wonWithin) conditions.push(Prisma.sql`d."stage" = 'CLOSED_WON' AND d."closedWonAt" >= ${wonSince(now, params.wonWithin)}`);
  const matches = Prisma.sql`
    FROM (SELECT m."id" FROM "Deal" m WHERE m."name" ILIKE ${pattern}
          UNION
          SELECT m."id" FROM "Account" x JOIN "Deal" m ON m."accountId" = x."id" WHERE x."name" ILIKE ${pattern}) hit
    JOIN "Deal" d ON d."id" = hit."id"
    JOIN "Account" a ON a."id" = d."accountId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
  const open = Prisma.sql`d."stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST')`;
  // "action": open deals soonest close first, then closed ones latest first (as actionFirst), ties by id.
  const order =
    params.sort === "action"
      ? Prisma.sql`(${open}) DESC, CASE WHEN ${open} THEN d."closeDate" END ASC, d."closeDate" DESC, d."id" ASC`
      : Prisma.sql`${searchSort(params)}, d."id" ASC`;
  const [ids, [total]] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`SELECT d."id" ${matches} ORDER BY ${order} LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`,
    prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${matches}`,
  ]);
  const rows = ids.length === 0 ? [] : await prisma.deal.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [ids.map((row) => byId.get(row.id)).filter((row): row is Selected => row !== undefined), total?.count ?? 0];
}

function searchSort(params: DealListParams): Prisma.Sql {
  const column = SEARCH_ORDER[params.sort as Exclude<DealListParams["sort"], "action">];
  return Prisma.sql`${column} ${Prisma.raw(params.dir === "asc" ? "ASC" : "DESC")}`;
}
