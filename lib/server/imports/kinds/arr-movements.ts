import "server-only";
import type { Tx } from "@/lib/db";
import type { ArrMovementType, DealType } from "@/lib/generated/prisma/enums";
import type { ArrMovementRow } from "@/lib/imports/row-schemas";
import { centsToDollars } from "@/lib/imports/fields";
import { companyToday } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import { ledgerViolationField, ledgerViolationMessage } from "@/lib/ledger/violation";
import { LOSS_MOVEMENT_TYPES } from "@/lib/renewals/stages";
import { contractMovementType } from "@/lib/server/ledger/contract-movement";
import { arrOn, pinLedgerDay } from "@/lib/server/ledger/ledger-day";
import { ledgerViolationOf } from "@/lib/server/ledger/ledger-error";
import { accountsByExternalId, checkAccount, problems, type AccountRef } from "@/lib/server/imports/references";
import { defineHandler, RowError, type ImportContext } from "@/lib/server/imports/types";
import type { FieldProblem } from "@/lib/server/imports/types";

// arr_movements.csv: account_external_id,date,type,amount (+ optional deal_external_id, reason) — billing's ledger.
//
// Which stored movement a row is (so nothing is counted twice, and a re-import adds nothing):
// - a row naming a won new-business or expansion deal with the deal's own kind (new / expansion) is that deal's
//   contract movement, which the closed-won flow may already have written: billing's date and amount replace Baton's;
// - a row naming any other deal is that deal's movement of that type on that date;
// - a row naming no deal is the stored movement with the same account, date, type and amount, if any.
// The database refuses a row that would take an account's ARR below zero on any date or leave a churn above zero (a
// back-dated expansion before a churn, say); the report names the line, the field and what would happen.

interface DealRef {
  id: string;
  accountId: string;
  type: DealType;
}

interface Lookup {
  accounts: Map<string, AccountRef>;
  deals: Map<string, DealRef>;
}

async function dealsByExternalId(tx: Tx, ids: Iterable<string | null>): Promise<Map<string, DealRef>> {
  const list = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (list.length === 0) return new Map();
  const rows = await tx.deal.findMany({ where: { externalId: { in: list } }, select: { id: true, externalId: true, accountId: true, type: true } });
  return new Map(rows.map((row) => [row.externalId, { id: row.id, accountId: row.accountId, type: row.type }]));
}

function checkDeal(row: ArrMovementRow, lookup: Lookup): FieldProblem | null {
  if (!row.dealExternalId) return null;
  const deal = lookup.deals.get(row.dealExternalId);
  if (!deal) return { field: "deal_external_id", reason: `no deal with the external id ${row.dealExternalId}` };
  const account = lookup.accounts.get(row.accountExternalId);
  if (account && deal.accountId !== account.id) return { field: "deal_external_id", reason: `deal ${row.dealExternalId} belongs to another account` };
  return null;
}

function lossReason(row: ArrMovementRow, context: ImportContext): string | null {
  if (!row.reason) return null;
  if (!LOSS_MOVEMENT_TYPES.includes(row.type)) throw new RowError("reason", "only a churn or a contraction has a reason", "VALIDATION");
  const reasons = context.settings.revenue.lossReasons;
  const reason = reasons.find((entry) => entry.toLowerCase() === row.reason?.toLowerCase());
  if (!reason) throw new RowError("reason", `must be one of ${reasons.join(", ")} (rule settings → Revenue ledger)`, "VALIDATION");
  return reason;
}

/** The stored movement this row is, if any (see above). */
async function storedMovement(tx: Tx, row: ArrMovementRow, accountId: string, deal: DealRef | null) {
  const select = { id: true, date: true, amountCents: true, reason: true } as const;
  if (deal && contractMovementType(deal.type) === row.type) return tx.arrMovement.findUnique({ where: { contractDealId: deal.id }, select });
  if (deal) return tx.arrMovement.findFirst({ where: { sourceDealId: deal.id, type: row.type, date: row.date }, select });
  return tx.arrMovement.findFirst({ where: { accountId, date: row.date, type: row.type, amountCents: row.amountCents }, select });
}

/** Refusals worth saying in the row's own terms before the database's ledger check would. */
async function precheck(tx: Tx, row: ArrMovementRow, accountId: string): Promise<void> {
  if (row.type !== "CHURN" && row.type !== "CONTRACTION") return;
  const arr = await arrOn(tx, accountId, row.date);
  if (row.type === "CHURN" && row.amountCents !== arr) {
    throw new RowError("amount", `a churn takes ARR to zero: it must be the account's ARR on ${toIsoDate(row.date)}, ${centsToDollars(arr)}`, "VALIDATION");
  }
  if (row.type === "CONTRACTION" && row.amountCents >= arr) {
    throw new RowError("amount", `a contraction must be less than the account's ARR on ${toIsoDate(row.date)} (${centsToDollars(arr)}); use churn to end it`, "VALIDATION");
  }
}

async function writeMovement(tx: Tx, row: ArrMovementRow, lookup: Lookup, context: ImportContext): Promise<void> {
  const accountId = lookup.accounts.get(row.accountExternalId)!.id;
  const deal = row.dealExternalId ? lookup.deals.get(row.dealExternalId)! : null;
  const reason = lossReason(row, context);
  await pinLedgerDay(tx, companyToday(context.now, context.settings.calendar.timezone));
  const stored = await storedMovement(tx, row, accountId, deal);
  const contract = deal !== null && contractMovementType(deal.type) === row.type;
  try {
    if (stored) {
      const same = stored.date.getTime() === row.date.getTime() && stored.amountCents === row.amountCents && (reason === null || reason === stored.reason);
      if (same) return;
      await tx.arrMovement.update({ where: { id: stored.id }, data: { date: row.date, amountCents: row.amountCents, ...(reason ? { reason } : {}) }, select: { id: true } });
      return;
    }
    await precheck(tx, row, accountId);
    await tx.arrMovement.create({
      data: {
        accountId,
        date: row.date,
        type: row.type as ArrMovementType,
        amountCents: row.amountCents,
        sourceDealId: deal?.id ?? null,
        contractDealId: contract ? deal.id : null,
        reason,
      },
      select: { id: true },
    });
  } catch (error) {
    const violation = ledgerViolationOf(error);
    if (violation) throw new RowError(ledgerViolationField(violation, row.date), `refused: ${ledgerViolationMessage(violation)}`, "VALIDATION");
    throw error;
  }
}

export const arrMovementsImport = defineHandler<ArrMovementRow, Lookup>({
  async lookup(tx, rows) {
    const accounts = await accountsByExternalId(tx, rows.map((row) => row.accountExternalId));
    const deals = await dealsByExternalId(tx, rows.map((row) => row.dealExternalId));
    return { accounts, deals };
  },
  check: (row, lookup) => problems(checkAccount(lookup.accounts, "account_external_id", row.accountExternalId), checkDeal(row, lookup)),
  write: writeMovement,
});
