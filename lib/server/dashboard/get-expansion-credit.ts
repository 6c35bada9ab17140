import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { expansionCreditCents } from "@/lib/dashboard/credit";
import type { Period } from "@/lib/dashboard/period";
import { accountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

export interface CreditRow {
  aeId: string;
  aeName: string;
  accounts: number;
  movements: number;
  expansionCents: bigint;
  creditCents: bigint;
}

export interface ExpansionCredit {
  period: Period;
  ratePercent: number;
  windowMonths: number;
  rows: CreditRow[];
  expansionCents: bigint;
  creditCents: bigint;
}

// The AE who closed the account's first closed-won NEW deal is the "original AE" of policy 003 (two first deals on
// one day: the owner whose id sorts first), stored on the account by the database (Account.originalAeId); an account
// without such a deal keeps its assigned AE as the original. Credit goes to the account's AE while it is the original.
// Checked after the movements are summed per account: as a condition on the accounts, column against column, it is
// estimated at 0.5 % of the rows, and PostgreSQL then probes the movements account by account.
const STILL_ORIGINAL = Prisma.sql`w.ae_id = coalesce(w.original_ae, w.ae_id)`;

/**
 * Each account's credit window (SPEC.md "AE expansion credit"): from the initial signing to the day before
 * `windowMonths` later, for accounts with an AE whose window can reach the period. `signed` picks the accounts with an
 * initial signing date (a plain range on its index) or, for the rare account without one, its first closed-won NEW
 * deal. Columns: id, ae_id, original_ae, signed_on, window_end (exclusive).
 */
function creditWindows(scope: DashboardScope, period: Period, windowMonths: number, signed: boolean): Prisma.Sql {
  const months = Prisma.sql`make_interval(months => ${windowMonths}::int)`;
  const windows = signed
    ? Prisma.sql`
      SELECT a."id", a."aeId" AS ae_id, a."originalAeId" AS original_ae, a."initialSignedAt" AS signed_on FROM "Account" a
      WHERE a."aeId" IS NOT NULL
        -- A window that ends before the period starts earns nothing in it (a few days' slack for month ends).
        AND a."initialSignedAt" BETWEEN (${period.start}::date - ${months} - interval '3 days')::date AND ${period.end}::date
        ${accountConditions(scope)}`
    : Prisma.sql`
      SELECT a."id", a."aeId" AS ae_id, a."originalAeId" AS original_ae, min(f."closeDate") AS signed_on FROM "Account" a
      JOIN "Deal" f ON f."accountId" = a."id" AND f."type" = 'NEW' AND f."stage" = 'CLOSED_WON'
      WHERE a."aeId" IS NOT NULL AND a."initialSignedAt" IS NULL ${accountConditions(scope)}
      GROUP BY a."id", a."aeId", a."originalAeId"`;
  return Prisma.sql`SELECT w."id", w.ae_id, w.original_ae, w.signed_on, (w.signed_on + ${months})::date AS window_end FROM (${windows}) w`;
}

/** Expansion movements in the period inside the window `w`. */
function inWindow(period: Period): Prisma.Sql {
  return Prisma.sql`
    JOIN "ArrMovement" m ON m."accountId" = w."id" AND m."type" = 'EXPANSION'
                        AND m."date" >= w.signed_on AND m."date" < w.window_end
                        AND m."date" BETWEEN ${period.start}::date AND ${period.end}::date`;
}

/**
 * The movements that earn credit, one row each (for the drill-down), on accounts whose AE is still the original one.
 * Aliases: w (window), m (movement), a (account).
 */
export function creditedMovementsFrom(scope: DashboardScope, period: Period, windowMonths: number): Prisma.Sql {
  return Prisma.sql`
    FROM (${creditWindows(scope, period, windowMonths, true)} UNION ALL ${creditWindows(scope, period, windowMonths, false)}) w
    ${inWindow(period)}
    JOIN "Account" a ON a."id" = w."id"
    WHERE ${STILL_ORIGINAL}`;
}

/** The credit from the accounts and movements themselves: a CSM's or team's cut, a period ending today, and the summary's check. */
export function expansionCreditRawQuery(scope: DashboardScope, period: Period, windowMonths: number): Prisma.Sql {
  // Summed per account first, then per AE; the AE names are joined to the per-AE rows at the end.
  const perAccount = (signed: boolean) => Prisma.sql`
    SELECT w."id", w.ae_id, w.original_ae, count(*)::int AS movements, sum(m."amountCents")::bigint AS cents
    FROM (${creditWindows(scope, period, windowMonths, signed)}) w ${inWindow(period)}
    GROUP BY w."id", w.ae_id, w.original_ae`;
  // MATERIALIZED keeps the original-AE check out of the accounts' scan (see STILL_ORIGINAL).
  return Prisma.sql`
    WITH per_account AS MATERIALIZED (${perAccount(true)} UNION ALL ${perAccount(false)}),
    per_ae AS (
      SELECT w.ae_id, count(*)::int AS accounts, sum(w.movements)::int AS movements, sum(w.cents)::bigint AS expansion
      FROM per_account w
      WHERE ${STILL_ORIGINAL}
      GROUP BY w.ae_id
    )
    SELECT x.ae_id, u."name" AS ae_name, x.accounts, x.movements, x.expansion
    FROM per_ae x JOIN "User" u ON u."id" = x.ae_id
    ORDER BY x.expansion DESC, u."name"`;
}

/**
 * Whole months of the whole company or a segment add up ExpansionCreditMonth (account_keyed_summaries
 * migration: the credited expansions per month, window month, AE, segment and the account's previous credited month,
 * kept by the database), so the read is the AEs' rows of the period, whatever the number of accounts and movements.
 * A movement is inside the window when its window month is at most windowMonths; an account counts once, in the
 * first month of the period it earns credit in, the one whose previous month is before the period.
 */
export function expansionCreditQuery(scope: DashboardScope, period: Period, windowMonths: number): Prisma.Sql {
  // One AE's, a CSM's or a team's accounts are their own index ranges (an AE's: 2 ms at 1× and 10×).
  if (period.toDate || narrowsAccounts(scope)) return expansionCreditRawQuery(scope, period, windowMonths);
  const segment = scope.segment ? Prisma.sql`AND c."segment" = ${scope.segment}::"Segment"` : Prisma.empty;
  // One index range per month (month, then window months 1 … windowMonths). The months as an array, not a joined
  // generate_series: the planner took the series for 1,000 rows and hashed the whole table (104 ms against 27).
  return Prisma.sql`
    WITH per_ae AS (
      SELECT c."aeId" AS ae_id, coalesce(sum(c."accounts") FILTER (WHERE c."prevMonth" < ${period.firstMonth}::int), 0)::int AS accounts,
             sum(c."movements")::int AS movements, sum(c."amountCents")::bigint AS expansion
      FROM "ExpansionCreditMonth" c
      WHERE c."month" = ANY (ARRAY(SELECT generate_series(${period.firstMonth}::int, ${period.lastMonth}::int)))
        AND c."windowMonth" BETWEEN 1 AND ${windowMonths}::int ${segment}
      GROUP BY c."aeId"
    )
    SELECT x.ae_id, u."name" AS ae_name, x.accounts, x.movements, x.expansion
    FROM per_ae x JOIN "User" u ON u."id" = x.ae_id
    ORDER BY x.expansion DESC, u."name"`;
}

/** Expansion credit per AE: leadership and admins see every AE, an AE only their own. */
export async function getExpansionCredit(context: DashboardContext): Promise<ExpansionCredit> {
  const scope = scopeOf(context, "credit");
  const { settings, period } = context;
  const { ratePercent, windowMonths } = settings.expansionCredit;
  const rows = await prisma.$queryRaw<{ ae_id: string; ae_name: string; accounts: number; movements: number; expansion: bigint }[]>(
    expansionCreditQuery(scope, period, windowMonths),
  );
  const credited = rows.map((row) => ({
    aeId: row.ae_id,
    aeName: row.ae_name,
    accounts: row.accounts,
    movements: row.movements,
    expansionCents: row.expansion,
    creditCents: expansionCreditCents(row.expansion, ratePercent),
  }));
  return {
    period,
    ratePercent,
    windowMonths,
    rows: credited,
    expansionCents: credited.reduce((sum, row) => sum + row.expansionCents, 0n),
    creditCents: credited.reduce((sum, row) => sum + row.creditCents, 0n),
  };
}
