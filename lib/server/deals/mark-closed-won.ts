import "server-only";
import { prisma } from "@/lib/db";
import { addBusinessHours } from "@/lib/business-hours";
import { companyToday } from "@/lib/calendar/company-day";
import { addMonthsUtc, parseIsoDate, toIsoDate } from "@/lib/dates";
import { closeWonSchema, contractStartError, type CloseWonInput } from "@/lib/deals/close-won";
import { AppError, forbidden } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { closeDealWon, type CloseDealWonResult } from "@/lib/server/deals/close-deal-won";
import { getDeal } from "@/lib/server/deals/get-deal";
import { getSettings } from "@/lib/server/settings/get-settings";

// The deal page's "Mark closed-won": a preview for the confirmation dialog (the close date Baton records,
// when the handoff falls due, the renewal date) and the confirmed close, which goes through closeDealWon.

export interface CloseWonPreview {
  dealId: string;
  dealName: string;
  amountCents: bigint;
  /** Today in the company's calendar: the close date a deal marked won now gets. */
  closeDate: string;
  contractStart: string | null;
  handoffDueAt: Date;
  renewalDate: string;
  timezone: string;
}

export async function previewCloseWon(actor: ActingUser, dealId: string, now = new Date()): Promise<CloseWonPreview> {
  const { deal, canMarkClosedWon } = await getDeal(actor, dealId);
  if (!canMarkClosedWon) throw forbidden("Only the deal's owner can mark an open deal closed-won.");
  const settings = await getSettings();
  const closeDate = companyToday(now, settings.calendar.timezone);
  const start = deal.contractStart && deal.contractStart > closeDate ? deal.contractStart : closeDate;
  return {
    dealId: deal.id,
    dealName: deal.name,
    amountCents: deal.amountCents,
    closeDate: toIsoDate(closeDate),
    contractStart: deal.contractStart ? toIsoDate(deal.contractStart) : null,
    handoffDueAt: addBusinessHours(now, settings.handoff.slaBusinessHours, settings.calendar),
    renewalDate: toIsoDate(addMonthsUtc(start, deal.termMonths)),
    timezone: settings.calendar.timezone,
  };
}

/**
 * The confirmed close. Refused, naming the field, when the close date the person confirmed is no longer
 * today's (the dialog stayed open over midnight) or the contract start is before the close date; a changed
 * contract start is recorded on the deal (audited) before the closed-won flow runs.
 */
export async function markDealClosedWon(actor: ActingUser, input: CloseWonInput, now = new Date()): Promise<CloseDealWonResult> {
  const parsed = closeWonSchema.parse(input);
  const preview = await previewCloseWon(actor, parsed.dealId, now);
  if (parsed.confirmedCloseDate !== preview.closeDate) {
    throw new AppError("VALIDATION", `The close date is now ${preview.closeDate}; check it and confirm again.`, {
      confirmedCloseDate: [`The close date is now ${preview.closeDate}`],
    });
  }
  const startError = contractStartError(parsed.contractStart, preview.closeDate);
  if (startError) throw new AppError("VALIDATION", startError, { contractStart: [startError] });
  if (preview.contractStart !== null && parsed.contractStart === "" && preview.contractStart < preview.closeDate) {
    const message = `The deal's contract start (${preview.contractStart}) is before the close date (${preview.closeDate}): enter the real contract start.`;
    throw new AppError("VALIDATION", message, { contractStart: [message] });
  }
  const wanted = parsed.contractStart || null;
  if (wanted !== null && wanted !== preview.contractStart) {
    await prisma.$transaction(async (tx) => {
      await tx.deal.update({ where: { id: parsed.dealId }, data: { contractStart: parseIsoDate(wanted) } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "deal.contract_start_set",
        entityType: "Deal",
        entityId: parsed.dealId,
        data: { from: preview.contractStart, to: wanted, via: "closed_won_confirmation" },
      });
    });
  }
  return closeDealWon(actor, parsed.dealId, { at: now });
}
