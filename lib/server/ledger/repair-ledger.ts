import "server-only";
import { prisma } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { systemActor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { writeContractMovement } from "@/lib/server/ledger/contract-movement";
import { ledgerViolationOf } from "@/lib/server/ledger/ledger-error";
import { pinLedgerDay } from "@/lib/server/ledger/ledger-day";
import { ledgerViolationMessage } from "@/lib/ledger/violation";
import { continueClosedRenewal } from "@/lib/server/renewals/close-renewal";
import { getSettings } from "@/lib/server/settings/get-settings";

// The one-off repair for data written before the revenue ledger (`npm run ledger:repair`): closed-won new-business and
// expansion deals without their ARR movement get it, and renewals closed won without a next term get their renewal
// deal and next term. Each fix is its own transaction, audited; one the ledger refuses is reported and skipped.
// Running it again finds nothing left to do.

export interface RepairReport {
  movementsWritten: string[];
  nextTermsOpened: string[];
  refused: { record: string; reason: string }[];
}

export async function repairLedger(options: { apply: boolean; now?: Date }): Promise<RepairReport> {
  const now = options.now ?? new Date();
  const settings = await getSettings();
  const today = companyToday(now, settings.calendar.timezone);
  const actor = systemActor("ledger-repair");
  const report: RepairReport = { movementsWritten: [], nextTermsOpened: [], refused: [] };

  const deals = await prisma.deal.findMany({
    where: { stage: "CLOSED_WON", type: { in: ["NEW", "EXPANSION"] }, contractMovement: { is: null } },
    orderBy: [{ closeDate: "asc" }, { id: "asc" }],
    select: { id: true, externalId: true, accountId: true, type: true, amountCents: true, closeDate: true, contractStart: true },
  });
  for (const deal of deals) {
    if (!options.apply) {
      report.movementsWritten.push(deal.externalId);
      continue;
    }
    try {
      await prisma.$transaction(async (tx) => {
        await pinLedgerDay(tx, today);
        if (await writeContractMovement(tx, deal)) {
          await recordAudit(tx, { actorId: null, action: "ledger.repaired", entityType: "Deal", entityId: deal.id, data: { via: actor.label, wrote: deal.type } });
        }
      });
      report.movementsWritten.push(deal.externalId);
    } catch (error) {
      report.refused.push({ record: `deal ${deal.externalId}`, reason: refusal(error) });
    }
  }

  const renewals = await prisma.renewalOpportunity.findMany({
    where: { stage: "CLOSED_WON", renewedByDealId: null },
    orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  for (const renewal of renewals) {
    if (!options.apply) {
      report.nextTermsOpened.push(renewal.name);
      continue;
    }
    await prisma.$transaction(async (tx) => {
      const next = await continueClosedRenewal(tx, { actorId: null, now, today, settings }, renewal.id);
      if (next) await recordAudit(tx, { actorId: null, action: "ledger.repaired", entityType: "RenewalOpportunity", entityId: renewal.id, data: { via: actor.label, nextRenewalId: next } });
    });
    report.nextTermsOpened.push(renewal.name);
  }
  return report;
}

function refusal(error: unknown): string {
  const violation = ledgerViolationOf(error);
  if (violation) return ledgerViolationMessage(violation);
  return error instanceof Error ? error.message : String(error);
}
