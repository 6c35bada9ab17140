import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { addBusinessHours } from "@/lib/business-hours";
import { getSettings } from "@/lib/server/settings/get-settings";
import { recordAudit } from "@/lib/server/audit";
import { type Actor, actorId, isSystem } from "@/lib/server/actor";
import { PolicyStep } from "@/lib/generated/prisma/enums";
import { instantToZoned } from "@/lib/zoned-time";
import { parseIsoDate } from "@/lib/dates";
import { openRenewalPipeline } from "@/lib/server/renewals/open-renewal-pipeline";
import { enqueueBestEffort } from "@/lib/server/jobs/enqueue";
import { suggestCsmAtClose } from "@/lib/server/assignments/suggest-at-close";

export interface CloseDealWonResult {
  handoffId: string;
  /** False when the deal was already closed-won: the call had no further effect. */
  created: boolean;
}

/**
 * The one closed-won flow. The deal page, imports, the API and the CRM webhook all call this. In one
 * transaction it opens the 72-hour handoff and the renewal pipeline (renewal opportunity, touchpoints,
 * initial risk) and the CSM suggestion. Safe to call twice or concurrently: the deal row is locked and the handoff is unique per deal.
 */
export async function closeDealWon(
  actor: Actor,
  dealId: string,
  options: { at?: Date; tx?: Tx } = {},
): Promise<CloseDealWonResult> {
  const run = (tx: Tx) => closeInTransaction(tx, actor, dealId, options.at ?? new Date());
  if (options.tx) return outcome(await run(options.tx));
  const result = await prisma.$transaction(run);
  // After the commit, a job at the due time escalates the handoff if it is still open (a sweep is the safety
  // net, and covers closes made inside a caller's transaction).
  if (result.dueAt) await enqueueBestEffort("escalate-handoff", { handoffId: result.handoffId }, { startAfter: result.dueAt, singletonKey: `escalate:${result.handoffId}` });
  return outcome(result);
}

const outcome = ({ handoffId, created }: CloseDealWonResult): CloseDealWonResult => ({ handoffId, created });

async function closeInTransaction(tx: Tx, actor: Actor, dealId: string, at: Date): Promise<CloseDealWonResult & { dueAt?: Date }> {
  // Serializes concurrent closes of the same deal: the second waits here, then sees the handoff.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Deal" WHERE id = ${dealId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The deal");

  const deal = await tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    select: { id: true, accountId: true, ownerId: true, stage: true, closedWonAt: true, type: true },
  });
  if (!isSystem(actor) && !(actor.role === "ADMIN" || (actor.role === "AE" && actor.id === deal.ownerId))) {
    throw forbidden("Only the deal's owner can mark it closed-won.");
  }
  if (deal.stage === "CLOSED_LOST") {
    throw new AppError("CONFLICT", "This deal is closed-lost and cannot be marked closed-won.");
  }

  const handoffType = deal.type === "EXPANSION" ? "EXPANSION" : "NEW_CUSTOMER";
  const existing = await tx.handoff.findUnique({
    where: { dealId_type: { dealId, type: handoffType } },
    select: { id: true },
  });
  if (existing) return { handoffId: existing.id, created: false };

  const settings = await getSettings(tx);
  const closedWonAt = deal.closedWonAt ?? at;
  // Marked won now: the close date is today in the company's calendar. A deal that arrives already won
  // (an import, the CRM) keeps the close date it came with.
  const closeDate = deal.stage === "CLOSED_WON" ? undefined : parseIsoDate(instantToZoned(closedWonAt, settings.calendar.timezone).date);
  await tx.deal.update({ where: { id: dealId }, data: { stage: "CLOSED_WON", closedWonAt, closeDate } });

  const handoff = await tx.handoff.create({
    data: {
      type: handoffType,
      accountId: deal.accountId,
      dealId,
      startedAt: closedWonAt,
      dueAt: addBusinessHours(closedWonAt, settings.handoff.slaBusinessHours, settings.calendar),
      policySteps: { create: Object.values(PolicyStep).map((step) => ({ step })) },
    },
    select: { id: true, dueAt: true },
  });

  await openRenewalPipeline(tx, dealId, settings, at, actorId(actor));
  await suggestCsmAtClose(tx, handoff.id, at);

  await recordAudit(tx, {
    actorId: actorId(actor),
    action: "deal.closed_won",
    entityType: "Deal",
    entityId: dealId,
    data: { handoffId: handoff.id, closedWonAt: closedWonAt.toISOString(), via: isSystem(actor) ? actor.label : "user" },
  });
  return { handoffId: handoff.id, created: true, dueAt: handoff.dueAt };
}
