import "server-only";
import type { Tx } from "@/lib/db";
import type { ArrMovementRow } from "@/lib/imports/row-schemas";
import { centsToDollars } from "@/lib/imports/fields";
import { toIsoDate } from "@/lib/dates";
import { accountsByExternalId, checkAccount, problems, type AccountRef } from "@/lib/server/imports/references";
import { defineHandler, RowError } from "@/lib/server/imports/types";

// arr_movements.csv: account_external_id,date,type,amount. A movement has no id of its own: a row identical to
// a stored movement (same account, date, type and amount) is that movement, so re-importing a file adds nothing.
// Account.arrCents stays the sum of the account's movements (new/expansion add, contraction/churn subtract).

export const arrMovementsImport = defineHandler<ArrMovementRow, Map<string, AccountRef>>({
  lookup: (tx, rows) => accountsByExternalId(tx, rows.map((row) => row.accountExternalId)),
  check: (row, accounts) => problems(checkAccount(accounts, "account_external_id", row.accountExternalId)),
  async write(tx, row, accounts) {
    const accountId = accounts.get(row.accountExternalId)!.id;
    const same = await tx.arrMovement.findFirst({
      where: { accountId, date: row.date, type: row.type, amountCents: row.amountCents },
      select: { id: true },
    });
    if (same) return;
    const arr = await arrOn(tx, accountId, row.date);
    if (row.type === "CHURN" && row.amountCents !== arr) {
      throw new RowError("amount", `a churn takes ARR to zero: it must be the account's ARR on ${toIsoDate(row.date)}, ${centsToDollars(arr)}`);
    }
    if (row.type === "CONTRACTION" && row.amountCents >= arr) {
      throw new RowError("amount", `a contraction must be less than the account's ARR on ${toIsoDate(row.date)} (${centsToDollars(arr)}); use churn to end it`);
    }
    await tx.arrMovement.create({ data: { accountId, date: row.date, type: row.type, amountCents: row.amountCents }, select: { id: true } });
    await tx.$executeRaw`
      UPDATE "Account" SET "arrCents" = GREATEST(0, COALESCE((
        SELECT SUM(CASE WHEN type IN ('NEW', 'EXPANSION') THEN "amountCents"
                        WHEN type IN ('CONTRACTION', 'CHURN') THEN -"amountCents" ELSE 0 END)
        FROM "ArrMovement" WHERE "accountId" = ${accountId}), 0))
      WHERE id = ${accountId}`;
  },
});

/** The account's ARR from its movements dated on or before `date`. */
async function arrOn(tx: Tx, accountId: string, date: Date): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ arr: bigint | null }[]>`
    SELECT SUM(CASE WHEN type IN ('NEW', 'EXPANSION') THEN "amountCents"
                    WHEN type IN ('CONTRACTION', 'CHURN') THEN -"amountCents" ELSE 0 END)::bigint AS arr
    FROM "ArrMovement" WHERE "accountId" = ${accountId} AND date <= ${date}::date`;
  return BigInt(row?.arr ?? 0n);
}
