import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { addBusinessHours } from "@/lib/business-hours";
import { getSettings } from "@/lib/server/settings/get-settings";
import { recordAudit } from "@/lib/server/audit";
import { type Actor, actorId, isSystem } from "@/lib/server/actor";
import { PolicyStep } from "@/lib/generated/prisma/enums";
import { companyToday, endOfCompanyDay } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import type { Settings } from "@/lib/settings/schema";
import { openRenewalPipeline } from "@/lib/server/renewals/open-renewal-pipeline";
import { closeRenewals, lockOpenRenewals } from "@/lib/server/renewals/close-renewal";
import { writeContractMovement } from "@/lib/server/ledger/contract-movement";
import { pinLedgerDay } from "@/lib/server/ledger/ledger-day";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";
import { suggestCsmAtClose } from "@/lib/server/assignments/suggest-at-close";
import { canCloseDeal } from "@/lib/server/deals/permissions";

export interface CloseDealWonResult {
  /** The handoff the close opened; null for a renewal deal, which closes the renewal it renews instead. */
  handoffId: string | null;
  /** False when the deal was already closed-won: the call had no further effect. */
  created: boolean;
}

export interface CloseDealWonOptions {
  /** When Baton received the close (default now). */
  at?: Date;
  /** When the deal closed, if the source says (CSV `closed_at`, the API, the CRM event). Never later than `at`. */
  closedAt?: Date | null;
  tx?: Tx;
}

/**
 * The one closed-won flow. The deal page, imports, the API and the CRM webhook all call this. In one transaction it
 * writes the deal's ARR movement (NEW or EXPANSION, once per deal), opens the 72-hour handoff and the renewal pipeline
 * (renewal opportunity, touchpoints, initial risk), and queues the handoff's escalation at its due time. A renewal
 * deal instead closes the open renewal it renews (same account, due on its contract start) and opens the next term.
 * Safe to call twice or concurrently: the deal row is locked and the handoff is unique per deal.
 */
export async function closeDealWon(actor: Actor, dealId: string, options: CloseDealWonOptions = {}): Promise<CloseDealWonResult> {
  const at = options.at ?? new Date();
  const run = (tx: Tx) => closeInTransaction(tx, actor, dealId, at, options.closedAt ?? null);
  return options.tx ? run(options.tx) : prisma.$transaction(run);
}

/**
 * When the 72 business hours start. A deal marked won now closed at that moment; one that arrives already won closed
 * at the time its source gives, else at the end of its close date in company time — never later than it arrived.
 */
export function closeMoment(input: { arrivedWon: boolean; closeDate: Date; closedAt: Date | null; arrival: Date; timezone: string }): Date {
  const claimed = input.closedAt ?? (input.arrivedWon ? endOfCompanyDay(input.closeDate, input.timezone) : input.arrival);
  return claimed.getTime() > input.arrival.getTime() ? input.arrival : claimed;
}

async function closeInTransaction(tx: Tx, actor: Actor, dealId: string, at: Date, closedAt: Date | null): Promise<CloseDealWonResult> {
  // Serializes concurrent closes of the same deal: the second waits here, then sees the handoff.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Deal" WHERE id = ${dealId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The deal");

  const deal = await tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    select: {
      id: true, accountId: true, ownerId: true, stage: true, closedWonAt: true, type: true, amountCents: true, termMonths: true,
      closeDate: true, contractStart: true, products: { select: { productId: true } }, renewalsClosed: { select: { id: true }, take: 1 },
    },
  });
  if (!isSystem(actor) && !canCloseDeal(actor, deal)) {
    throw forbidden("Only the deal's owner can mark it closed-won.");
  }
  if (deal.stage === "CLOSED_LOST") {
    throw new AppError("CONFLICT", "This deal is closed-lost and cannot be marked closed-won.");
  }
  const settings = await getSettings(tx);
  const timezone = settings.calendar.timezone;
  await pinLedgerDay(tx, companyToday(at, timezone));
  const closedWonAt = deal.closedWonAt ?? closeMoment({ arrivedWon: deal.stage === "CLOSED_WON", closeDate: deal.closeDate, closedAt, arrival: at, timezone });
  // Marked won now: the close date is that day in the company's calendar. A deal that arrives already won keeps its own.
  const closeDate = deal.stage === "CLOSED_WON" ? deal.closeDate : companyToday(closedWonAt, timezone);

  if (deal.type === "RENEWAL") return closeRenewalDeal(tx, actor, { ...deal, closeDate }, closedWonAt, settings);

  const handoffType = deal.type === "EXPANSION" ? "EXPANSION" : "NEW_CUSTOMER";
  const existing = await tx.handoff.findUnique({ where: { dealId_type: { dealId, type: handoffType } }, select: { id: true } });
  if (existing) return { handoffId: existing.id, created: false };

  await tx.deal.update({ where: { id: dealId }, data: { stage: "CLOSED_WON", closedWonAt, closeDate } });
  const movementWritten = await writeContractMovement(tx, { ...deal, closeDate });
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
  // Escalates at the due time if the handoff is still open — at once for a deal that arrived already past due. Queued in
  // this transaction, so it exists exactly when the handoff does (the sweep stays the safety net).
  await enqueueJob("escalate-handoff", { handoffId: handoff.id }, { tx, startAfter: handoff.dueAt, singletonKey: `escalate:${handoff.id}` });
  await suggestCsmAtClose(tx, handoff.id, at);

  await recordAudit(tx, {
    actorId: actorId(actor),
    action: "deal.closed_won",
    entityType: "Deal",
    entityId: dealId,
    data: {
      handoffId: handoff.id,
      closedWonAt: closedWonAt.toISOString(),
      via: isSystem(actor) ? actor.label : "user",
      arrMovement: movementWritten ? `${deal.type === "EXPANSION" ? "EXPANSION" : "NEW"} ${deal.amountCents}` : "already recorded",
    },
  });
  return { handoffId: handoff.id, created: true };
}

/**
 * A renewal deal won (from the CRM, a file or the deal page) renews the account's open renewal due on its contract start
 * (else its close date) — co-termed ones together — at the deal's amount, term and products: the ledger moves to that
 * amount and the deal carries the next term. Without such a renewal there is nothing it renews, and it is refused.
 */
async function closeRenewalDeal(
  tx: Tx,
  actor: Actor,
  deal: { id: string; accountId: string; amountCents: bigint; termMonths: number; closeDate: Date; contractStart: Date | null; products: { productId: string }[]; renewalsClosed: { id: string }[] },
  closedWonAt: Date,
  settings: Settings,
): Promise<CloseDealWonResult> {
  if (deal.renewalsClosed.length > 0) return { handoffId: null, created: false };
  const due = deal.contractStart ?? deal.closeDate;
  const renewals = await tx.renewalOpportunity.findMany({
    where: { accountId: deal.accountId, renewalDate: due, stage: { in: [...OPEN_RENEWAL_STAGES] } },
    select: { id: true },
  });
  if (renewals.length === 0) {
    const message = `No open renewal of this account is due on ${toIsoDate(due)} (the deal's contract start, else its close date): a renewal deal closes the renewal it renews.`;
    throw new AppError("CONFLICT", message, { contractStart: [message] });
  }
  await tx.deal.update({ where: { id: deal.id }, data: { stage: "CLOSED_WON", closedWonAt, closeDate: deal.closeDate } });
  const closed = await closeRenewals(
    tx,
    { actorId: actorId(actor), now: closedWonAt, today: companyToday(closedWonAt, settings.calendar.timezone), settings, reasonOptional: true },
    await lockOpenRenewals(tx, renewals.map((renewal) => renewal.id)),
    { outcome: "CLOSED_WON", closedAmountCents: deal.amountCents, termMonths: deal.termMonths, productIds: deal.products.map((p) => p.productId) },
    deal.id,
  );
  await recordAudit(tx, {
    actorId: actorId(actor),
    action: "deal.closed_won",
    entityType: "Deal",
    entityId: deal.id,
    data: {
      renewed: renewals.map((renewal) => renewal.id),
      nextRenewalId: closed.nextRenewalId,
      closedWonAt: closedWonAt.toISOString(),
      via: isSystem(actor) ? actor.label : "user",
      movements: closed.movements.map((m) => ({ type: m.type, amountCents: String(m.amountCents) })),
    },
  });
  return { handoffId: null, created: true };
}
