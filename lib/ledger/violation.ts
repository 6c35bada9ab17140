import { toIsoDate } from "@/lib/dates";
import { formatCents } from "@/lib/format";

// The ledger's two invariants (SPEC "The revenue ledger"), as the database reports a breach of them: no account's
// ARR below zero at the end of any day, and a day with a churn ends at exactly zero. The trigger raises SQLSTATE
// BT001 with this detail; the app turns it into a message that says what would happen and where.

export const LEDGER_SQLSTATE = "BT001";

export interface LedgerViolation {
  accountId: string;
  /** The day the balance breaks (YYYY-MM-DD). */
  date: string;
  balanceCents: bigint;
  rule: "negative" | "churn";
}

export function parseLedgerDetail(detail: string | undefined): LedgerViolation | null {
  if (!detail) return null;
  try {
    const value = JSON.parse(detail) as { accountId?: unknown; date?: unknown; balanceCents?: unknown; rule?: unknown };
    if (typeof value.accountId !== "string" || typeof value.date !== "string" || typeof value.balanceCents !== "string") return null;
    if (value.rule !== "negative" && value.rule !== "churn") return null;
    return { accountId: value.accountId, date: value.date, balanceCents: BigInt(value.balanceCents), rule: value.rule };
  } catch {
    return null;
  }
}

/** "ARR would fall below zero (-$5,000.00) on 2025-06-01" / "the churn on 2025-06-01 would leave ARR at $20,000.00 instead of zero". */
export function ledgerViolationMessage(violation: LedgerViolation): string {
  if (violation.rule === "negative") return `the account's ARR would fall below zero (${formatCents(violation.balanceCents)}) on ${violation.date}`;
  return `the account churned on ${violation.date}, and this would leave its ARR at ${formatCents(violation.balanceCents)} after the churn instead of zero`;
}

/** Which field of a movement dated `date` is at fault: its date when the break is on another day (back-dated), else its amount. */
export function ledgerViolationField(violation: LedgerViolation, movementDate: Date): "date" | "amount" {
  return violation.date === toIsoDate(movementDate) ? "amount" : "date";
}
