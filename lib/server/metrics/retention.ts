import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db";
import { ratio } from "@/lib/dashboard/ratio";
import { accountConditions, type DashboardScope } from "@/lib/server/dashboard/scope";

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

/** The five sums every retention query returns, as SQL hands them back. */
export interface RetentionSums {
  start_arr: bigint | null;
  retained_arr: bigint | null;
  end_arr: bigint | null;
  cohort: bigint | number | null;
  retained: bigint | number | null;
}

export function retentionFigures(row: RetentionSums | undefined): RetentionFigures {
  const startArr = row?.start_arr ?? 0n;
  const retainedArr = row?.retained_arr ?? 0n;
  const endArr = row?.end_arr ?? 0n;
  const cohort = Number(row?.cohort ?? 0);
  const retained = Number(row?.retained ?? 0);
  return {
    startArrCents: startArr,
    retainedArrCents: retainedArr,
    endArrCents: endArr,
    cohortAccounts: cohort,
    retainedAccounts: retained,
    grossRetention: ratio(retainedArr, startArr),
    netRetention: ratio(endArr, startArr),
    logoRetention: cohort === 0 ? null : ratio(BigInt(retained), BigInt(cohort)),
  };
}

/**
 * Cohort retention per SPEC.md "Measures", straight from the movements, for any two dates: the cohort is the
 * accounts with ARR > 0 from movements dated before `start`; each is compared at `end` (movements up to and
 * including it), netted per account. GRR = Σ min(end, start) / Σ start; NRR = Σ end / Σ start; logo = still > 0 /
 * cohort. All in SQL. The dashboard reads the same figures for whole months from the per-account series
 * (retention-series.ts); this is the reference they are tested against, and serves periods of any days.
 */
export async function retentionBetween(start: Date, end: Date, tx: Tx = prisma, scope: DashboardScope = {}): Promise<RetentionFigures> {
  const conditions = accountConditions(scope);
  const scoped = conditions !== Prisma.empty;
  const [row] = await tx.$queryRaw<RetentionSums[]>`
    WITH per_account AS (
      SELECT "accountId",
             SUM(signed) FILTER (WHERE date < ${start}::date) AS start_arr,
             SUM(signed) AS end_arr
      FROM (
        SELECT m."accountId", m.date,
               CASE WHEN m.type IN ('NEW', 'EXPANSION') THEN m."amountCents"
                    WHEN m.type IN ('CONTRACTION', 'CHURN') THEN -m."amountCents"
                    ELSE 0 END AS signed
        FROM "ArrMovement" m
        ${scoped ? Prisma.sql`JOIN "Account" a ON a."id" = m."accountId"` : Prisma.empty}
        WHERE m.date <= ${end}::date ${conditions}
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
  return retentionFigures(row);
}
