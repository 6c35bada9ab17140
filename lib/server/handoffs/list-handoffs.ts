import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { HandoffStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, pageParams, paged, splitPage, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { visibleHandoffsForList } from "@/lib/server/handoffs/access";
import { getSettings } from "@/lib/server/settings/get-settings";

// "action" (the default) lists what still needs doing first: open handoffs by due date, so overdue ones are on
// top, then the finished ones, most recently due first. "OPEN" is in progress or submitted: the clock runs.
export const HANDOFF_OPEN_STATUSES = ["IN_PROGRESS", "SUBMITTED"] as const satisfies readonly HandoffStatus[];

export const handoffListParams = z.object({
  ...pageParams,
  sort: z.enum(["action", "dueAt", "startedAt", "status"]).catch("action"),
  status: z.enum([...Object.values(HandoffStatus), "OPEN"] as const).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type HandoffListParams = z.infer<typeof handoffListParams>;

const select = {
  id: true,
  type: true,
  status: true,
  dueAt: true,
  completedAt: true,
  account: { select: { name: true, strategic: true } },
  deal: { select: { name: true, amountCents: true, owner: { select: { name: true } } } },
} satisfies Prisma.HandoffSelect;

type Selected = Prisma.HandoffGetPayload<{ select: typeof select }>;

export async function listHandoffs(actor: ActingUser, params: HandoffListParams, now = new Date()) {
  const open: Prisma.HandoffWhereInput = { status: { in: [...HANDOFF_OPEN_STATUSES] } };
  const where: Prisma.HandoffWhereInput = {
    AND: [
      await visibleHandoffsForList(actor),
      params.status === "OPEN" ? open : params.status ? { status: params.status } : {},
      params.overdue ? { ...open, dueAt: { lt: now } } : {},
      params.q ? { account: { name: { contains: params.q, mode: "insensitive" } } } : {},
    ],
  };
  const [rows, count, settings] = await Promise.all([
    params.sort === "action" ? actionFirst(where, open, params) : prisma.handoff.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select,
    }),
    prisma.handoff.count({ where }),
    getSettings(),
  ]);
  const data = rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    accountName: row.account.name,
    strategic: row.account.strategic,
    dealName: row.deal?.name ?? "—",
    amountCents: row.deal?.amountCents ?? 0n,
    ownerName: row.deal?.owner.name ?? "—",
    dueAt: row.dueAt,
    // The clock runs until completion; a finished handoff shows how it ended instead.
    businessMsLeft: row.completedAt ? null : businessMsBetween(now, row.dueAt, settings.calendar),
  }));
  return paged(data, count, params.page, params.perPage) satisfies Paged<(typeof data)[number]>;
}

/** Open handoffs soonest due first (overdue on top), then the rest most recently due first. */
async function actionFirst(where: Prisma.HandoffWhereInput, open: Prisma.HandoffWhereInput, params: HandoffListParams): Promise<Selected[]> {
  const openWhere = { AND: [where, open] };
  const restWhere = { AND: [where, { NOT: open }] };
  const { first, second } = splitPage(await prisma.handoff.count({ where: openWhere }), params.page, params.perPage);
  const [openRows, restRows] = await Promise.all([
    first.take > 0 ? prisma.handoff.findMany({ where: openWhere, orderBy: [{ dueAt: "asc" }, { id: "asc" }], ...first, select }) : [],
    second.take > 0 ? prisma.handoff.findMany({ where: restWhere, orderBy: [{ dueAt: "desc" }, { id: "asc" }], ...second, select }) : [],
  ]);
  return [...openRows, ...restRows];
}
