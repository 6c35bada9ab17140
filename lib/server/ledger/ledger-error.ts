import "server-only";
import { AppError } from "@/lib/errors";
import { LEDGER_SQLSTATE, ledgerViolationMessage, parseLedgerDetail, type LedgerViolation } from "@/lib/ledger/violation";

// The database refuses a movement that breaks the ledger (the revenue_ledger migration's trigger). Prisma hands the
// driver's error back inside its own; these read it out, whatever operation (ORM or raw SQL) ran into it.

interface DriverCause {
  originalCode?: string;
  code?: string;
  detail?: string;
}

function driverCause(error: unknown): DriverCause | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause ?? null;
}

export function ledgerViolationOf(error: unknown): LedgerViolation | null {
  const cause = driverCause(error);
  if (!cause || (cause.originalCode ?? cause.code) !== LEDGER_SQLSTATE) return null;
  return parseLedgerDetail(cause.detail);
}

/** Runs `work`; a ledger breach becomes a 422 naming the field, so it never surfaces as a server error. */
export async function refuseLedgerBreach<T>(work: () => Promise<T>, field = "amount"): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const violation = ledgerViolationOf(error);
    if (!violation) throw error;
    const message = `Refused: ${ledgerViolationMessage(violation)}.`;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
}
