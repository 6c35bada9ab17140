import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import type { ArrMovementType, DealStage, DealType, HandoffType } from "@/lib/generated/prisma/enums";

// Row builders for the dashboard tests: movements, deals, renewals and handoffs with the dates written out.

const unique = () => randomUUID().slice(0, 8);

export async function movements(accountId: string, rows: [string, ArrMovementType, bigint][]): Promise<void> {
  await prisma.arrMovement.createMany({
    data: rows.map(([date, type, amountCents]) => ({ accountId, date: parseIsoDate(date), type, amountCents })),
  });
}

export async function deal(
  accountId: string,
  ownerId: string,
  input: { type?: DealType; stage?: DealStage; closeDate: string; contractStart?: string; termMonths?: number; amountCents?: bigint },
) {
  const id = unique();
  return prisma.deal.create({
    data: {
      externalId: `DEAL-${id}`,
      accountId,
      ownerId,
      name: `Deal ${id}`,
      type: input.type ?? "NEW",
      stage: input.stage ?? "CLOSED_WON",
      amountCents: input.amountCents ?? 1_000_000n,
      termMonths: input.termMonths ?? 12,
      closeDate: parseIsoDate(input.closeDate),
      contractStart: input.contractStart ? parseIsoDate(input.contractStart) : null,
    },
  });
}

export async function renewalFor(dealId: string): Promise<void> {
  const source = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
  await prisma.renewalOpportunity.create({
    data: {
      accountId: source.accountId,
      originalDealId: source.id,
      name: `Renewal of ${source.name}`,
      amountCents: source.amountCents,
      renewalDate: source.contractEnd ?? source.closeDate,
      originalCloseDate: source.closeDate,
      contractTermMonths: source.termMonths,
    },
  });
}

export async function handoff(
  accountId: string,
  input: { startedAt: string; completed?: boolean; withinSla?: boolean; rating?: number; type?: HandoffType },
): Promise<void> {
  const startedAt = new Date(input.startedAt);
  // An open handoff always has an owner (a check in the database): any user will do for these measures.
  const owner = (await prisma.user.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } })) ?? (await prisma.user.create({ data: { email: `owner-${unique()}@example.test`, name: "Owner", role: "CS_MANAGER" }, select: { id: true } }));
  await prisma.handoff.create({
    data: {
      type: input.type ?? "NEW_CUSTOMER",
      ownerId: owner.id,
      accountId,
      startedAt,
      dueAt: new Date(startedAt.getTime() + 3 * 86_400_000),
      completedAt: input.completed ? new Date(startedAt.getTime() + 86_400_000) : null,
      completedWithinSla: input.completed ? (input.withinSla ?? true) : null,
      status: input.rating ? "ACKNOWLEDGED" : input.completed ? "COMPLETED" : "IN_PROGRESS",
      rating: input.rating ?? null,
    },
  });
}
