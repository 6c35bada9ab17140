import "server-only";
import type { Tx } from "@/lib/db";
import { toIsoDate } from "@/lib/dates";

// Account."arrCents" is kept by the database as the ARR on "today" (movements dated today or earlier). A write made
// for a given company day pins that day for its transaction, so the database's today is the app's.
export async function pinLedgerDay(tx: Tx, day: Date): Promise<void> {
  await tx.$executeRaw`SELECT set_config('baton.today', ${toIsoDate(day)}, true)`;
}

/** The account's ARR at the end of `date`: its movements dated on or before it. */
export async function arrOn(tx: Tx, accountId: string, date: Date): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ arr: bigint | null }[]>`
    SELECT sum(ledger_signed(type, "amountCents"))::bigint AS arr
    FROM "ArrMovement" WHERE "accountId" = ${accountId} AND date <= ${date}::date`;
  return BigInt(row?.arr ?? 0n);
}

export interface ContractedArr {
  /** ARR that movements dated after today add (or take away). */
  cents: bigint;
  /** The first of those days. */
  from: Date | null;
}

/** Contracted ARR that starts later, per account: what the movements dated after `today` change. */
export async function contractedArr(tx: Tx, accountIds: readonly string[], today: Date): Promise<Map<string, ContractedArr>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ accountId: string; cents: bigint; from: Date }[]>`
    SELECT "accountId", sum(ledger_signed(type, "amountCents"))::bigint AS cents, min(date) AS "from"
    FROM "ArrMovement"
    WHERE "accountId" = ANY(${[...accountIds]}::text[]) AND date > ${today}::date AND type <> 'RENEWAL'
    GROUP BY "accountId"`;
  return new Map(rows.map((row) => [row.accountId, { cents: BigInt(row.cents), from: row.from }]));
}

/** Reads the company day back from the database's clock (what Account."arrCents" is as of). */
export async function ledgerToday(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRaw<{ today: Date }[]>`SELECT ledger_today() AS today`;
  return row ? toIsoDate(row.today) : "";
}
