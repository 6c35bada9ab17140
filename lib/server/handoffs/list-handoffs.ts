import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { HandoffStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageParams, paged, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { visibleHandoffs } from "@/lib/server/handoffs/access";
import { getSettings } from "@/lib/server/settings/get-settings";

export const handoffListParams = z.object({
  ...pageParams,
  sort: z.enum(["dueAt", "startedAt", "status"]).catch("dueAt"),
  status: z.enum(HandoffStatus).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type HandoffListParams = z.infer<typeof handoffListParams>;

export async function listHandoffs(actor: ActingUser, params: HandoffListParams, now = new Date()) {
  const where: Prisma.HandoffWhereInput = {
    AND: [
      visibleHandoffs(actor),
      params.status ? { status: params.status } : {},
      params.overdue ? { status: { in: ["IN_PROGRESS", "SUBMITTED"] }, dueAt: { lt: now } } : {},
      params.q ? { account: { name: { contains: params.q, mode: "insensitive" } } } : {},
    ],
  };
  const [rows, count, settings] = await Promise.all([
    prisma.handoff.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: {
        id: true,
        type: true,
        status: true,
        dueAt: true,
        completedAt: true,
        account: { select: { name: true, strategic: true } },
        deal: { select: { name: true, amountCents: true, owner: { select: { name: true } } } },
      },
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
