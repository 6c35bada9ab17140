import "server-only";
import { prisma, type Tx } from "@/lib/db";

export interface RetentionFigures {
  startArrCents: bigint;
  retainedArrCents: bigint;
  endArrCents: bigint;
  cohortAccounts: number;
  retainedAccounts: number;
  grossRetention: number | null;
  netRetention: number | null;
  logoRetention: number | null;
}

/**
 * Cohort retention per SPEC.md "Measures": the cohort is the accounts with ARR > 0 from movements dated
 * before `start`; each is compared at `end` (movements up to and including it), netted per account.
 * GRR = Σ min(end, start) / Σ start; NRR = Σ end / Σ start; logo = still > 0 / cohort. All in SQL.
 */
export async function retentionBetween(start: Date, end: Date, tx: Tx = prisma): Promise<RetentionFigures> {
  const [row] = await tx.$queryRaw<
    { start_arr: bigint | null; retained_arr: bigint | null; end_arr: bigint | null; cohort: bigint; retained: bigint }[]
  >`
    WITH per_account AS (
      SELECT "accountId",
             SUM(signed) FILTER (WHERE date < ${start}::date) AS start_arr,
             SUM(signed) AS end_arr
      FROM (
        SELECT "accountId", date,
               CASE WHEN type IN ('NEW', 'EXPANSION') THEN "amountCents"
                    WHEN type IN ('CONTRACTION', 'CHURN') THEN -"amountCents"
                    ELSE 0 END AS signed
        FROM "ArrMovement"
        WHERE date <= ${end}::date
      ) movements
      GROUP BY "accountId"
    )
    SELECT SUM(start_arr)::bigint AS start_arr,
           SUM(LEAST(start_arr, GREATEST(end_arr, 0)))::bigint AS retained_arr,
           SUM(GREATEST(end_arr, 0))::bigint AS end_arr,
           COUNT(*) AS cohort,
           COUNT(*) FILTER (WHERE end_arr > 0) AS retained
    FROM per_account
    WHERE start_arr > 0`;
  const startArr = row?.start_arr ?? 0n;
  const retainedArr = row?.retained_arr ?? 0n;
  const endArr = row?.end_arr ?? 0n;
  const cohort = Number(row?.cohort ?? 0n);
  const retained = Number(row?.retained ?? 0n);
  return {
    startArrCents: startArr,
    retainedArrCents: retainedArr,
    endArrCents: endArr,
    cohortAccounts: cohort,
    retainedAccounts: retained,
    grossRetention: ratio(retainedArr, startArr),
    netRetention: ratio(endArr, startArr),
    logoRetention: cohort === 0 ? null : retained / cohort,
  };
}

function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  // Ten thousandths of a percent are kept exactly before the one division to a float.
  return Number((numerator * 1_000_000n) / denominator) / 1_000_000;
}
