import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { lastDayOf, type Period } from "@/lib/dashboard/period";
import type { ArrMovementType } from "@/lib/generated/prisma/enums";
import { accountConditions, hasAccountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

// The ARR bridge (SPEC "Measures"): starting ARR + new + expansion − contraction − churn = ending ARR for the period
// and cut, to the cent, with the ARR lost by reason. Starting and ending ARR are every account's ARR (not a cohort) at
// the start (movements before the first day) and the end (movements up to the last day, or today); the terms are the
// movements dated in the period. Whole months of the whole company or a segment read ArrMovementMonth (the movements
// summed per month, segment and type by the database, dashboard_measure_summaries migration): a few hundred rows where
// the series and the movements were one row per account and per movement; the losses by reason, which count distinct
// accounts, read ArrLossMonth. A CSM, team or AE cut, or a period that ends today, read the per-account series and
// the movements.

export const BRIDGE_TERMS = ["NEW", "EXPANSION", "CONTRACTION", "CHURN"] as const satisfies readonly ArrMovementType[];
export type BridgeTerm = (typeof BRIDGE_TERMS)[number];

export interface LossByReason {
  type: "CHURN" | "CONTRACTION";
  reason: string | null;
  addressable: boolean | null;
  amountCents: bigint;
  accounts: number;
}

export interface ArrBridge {
  period: Period;
  startingCents: bigint;
  newCents: bigint;
  expansionCents: bigint;
  contractionCents: bigint;
  churnCents: bigint;
  endingCents: bigint;
  /** starting + new + expansion − contraction − churn − ending: zero when the ledger reconciles (always, by construction of the series). */
  unreconciledCents: bigint;
  losses: LossByReason[];
}

const join = (scope: DashboardScope) => (hasAccountConditions(scope) ? Prisma.sql`JOIN "Account" a ON a."id" = m."accountId"` : Prisma.empty);

/** Whether the bridge's ends and terms can be read from ArrMovementMonth. */
function fromMonths(scope: DashboardScope, period: Period): boolean {
  return !narrowsAccounts(scope) && !period.toDate;
}

const segmentOf = (scope: DashboardScope) => (scope.segment ? Prisma.sql`AND s."segment" = ${scope.segment}::"Segment"` : Prisma.empty);

/** ARR of every account in the scope at the period's start and end (series month ends; a period ending today takes back later movements). `raw`: never the summary. */
export function bridgeEndsSql(scope: DashboardScope, period: Period, raw = false): Prisma.Sql {
  if (!raw && fromMonths(scope, period)) {
    return Prisma.sql`
      SELECT coalesce(sum(ledger_signed(s."type", s."amountCents")) FILTER (WHERE s."month" < ${period.firstMonth}::int), 0)::bigint AS starting,
             coalesce(sum(ledger_signed(s."type", s."amountCents")), 0)::bigint AS ending
      FROM "ArrMovementMonth" s WHERE s."month" <= ${period.lastMonth}::int ${segmentOf(scope)}`;
  }
  const later = period.toDate
    ? Prisma.sql`(SELECT coalesce(sum(ledger_signed(m."type", m."amountCents")), 0) FROM "ArrMovement" m ${join(scope)}
                  WHERE m."date" > ${period.end}::date AND m."date" <= ${lastDayOf(period.lastMonth)}::date ${accountConditions(scope)})`
    : Prisma.sql`0`;
  return Prisma.sql`
    SELECT coalesce(sum(dashboard_arr_at(s."firstMonth", s."monthEndCents", ${period.firstMonth - 1}::int)), 0)::bigint AS starting,
           (coalesce(sum(dashboard_arr_at(s."firstMonth", s."monthEndCents", ${period.lastMonth}::int)), 0) - ${later})::bigint AS ending
    FROM "AccountArrSeries" s
    ${hasAccountConditions(scope) ? Prisma.sql`JOIN "Account" a ON a."id" = s."accountId"` : Prisma.empty}
    WHERE TRUE ${accountConditions(scope)}`;
}

/** The movements of the period in the scope (aliased `m`, with the account as `a` when the scope needs it). */
export function bridgeMovementsFrom(scope: DashboardScope, period: Period): Prisma.Sql {
  return Prisma.sql`
    FROM "ArrMovement" m ${join(scope)}
    WHERE m."date" BETWEEN ${period.start}::date AND ${period.end}::date AND m."type" <> 'RENEWAL' ${accountConditions(scope)}`;
}

/** The period's terms by movement type. `raw`: never the summary. */
export function bridgeTermsSql(scope: DashboardScope, period: Period, raw = false): Prisma.Sql {
  if (!raw && fromMonths(scope, period)) {
    return Prisma.sql`
      SELECT s."type"::text AS type, sum(s."amountCents")::bigint AS cents FROM "ArrMovementMonth" s
      WHERE s."month" BETWEEN ${period.firstMonth}::int AND ${period.lastMonth}::int AND s."type" <> 'RENEWAL' ${segmentOf(scope)}
      GROUP BY s."type" ORDER BY s."type"`;
  }
  return Prisma.sql`SELECT m."type"::text AS type, sum(m."amountCents")::bigint AS cents ${bridgeMovementsFrom(scope, period)} GROUP BY m."type" ORDER BY m."type"`;
}

/**
 * The ARR lost in the period by type, reason and addressable, and the accounts that lost it. Whole months of the whole
 * company or a segment add up ArrLossMonth (account_keyed_summaries migration), where an account counts once per
 * month and the accounts of a period are those in a month whose previous month of the same loss is before it.
 * `raw`: never the summary.
 */
export function bridgeLossesSql(scope: DashboardScope, period: Period, raw = false): Prisma.Sql {
  const order = Prisma.sql`ORDER BY cents DESC, reason NULLS LAST, type, addressable NULLS LAST`;
  if (!raw && fromMonths(scope, period)) {
    return Prisma.sql`
      SELECT s."type"::text AS type, nullif(s."reason", '') AS reason,
             CASE s."addressable" WHEN 1 THEN TRUE WHEN 0 THEN FALSE END AS addressable, sum(s."amountCents")::bigint AS cents,
             coalesce(sum(s."accounts") FILTER (WHERE s."prevMonth" < ${period.firstMonth}::int), 0)::int AS accounts
      FROM "ArrLossMonth" s
      WHERE s."month" BETWEEN ${period.firstMonth}::int AND ${period.lastMonth}::int ${segmentOf(scope)}
      GROUP BY s."type", s."reason", s."addressable"
      ${order}`;
  }
  // Summed per account first (hashed, on the losses index), then counted: count(DISTINCT …) sorted every movement of
  // the period by text.
  return Prisma.sql`
    SELECT x."type"::text AS type, x."reason", x."addressable", sum(x.cents)::bigint AS cents, count(*)::int AS accounts
    FROM (SELECT m."type", m."reason", m."addressable", m."accountId", sum(m."amountCents") AS cents
          ${bridgeMovementsFrom(scope, period)} AND m."type" IN ('CHURN', 'CONTRACTION')
          GROUP BY m."type", m."reason", m."addressable", m."accountId") x
    GROUP BY x."type", x."reason", x."addressable"
    ${order}`;
}

export async function getArrBridge(context: DashboardContext): Promise<ArrBridge> {
  const scope = scopeOf(context, "dashboard");
  const { period } = context;
  const [ends, terms, losses] = await Promise.all([
    prisma.$queryRaw<{ starting: bigint; ending: bigint }[]>(bridgeEndsSql(scope, period)),
    prisma.$queryRaw<{ type: BridgeTerm; cents: bigint }[]>(bridgeTermsSql(scope, period)),
    prisma.$queryRaw<{ type: "CHURN" | "CONTRACTION"; reason: string | null; addressable: boolean | null; cents: bigint; accounts: number }[]>(
      bridgeLossesSql(scope, period),
    ),
  ]);
  const term = (type: BridgeTerm) => BigInt(terms.find((row) => row.type === type)?.cents ?? 0n);
  const startingCents = BigInt(ends[0]?.starting ?? 0n);
  const endingCents = BigInt(ends[0]?.ending ?? 0n);
  const [newCents, expansionCents, contractionCents, churnCents] = BRIDGE_TERMS.map(term) as [bigint, bigint, bigint, bigint];
  return {
    period,
    startingCents,
    newCents,
    expansionCents,
    contractionCents,
    churnCents,
    endingCents,
    unreconciledCents: startingCents + newCents + expansionCents - contractionCents - churnCents - endingCents,
    losses: losses.map((row) => ({ type: row.type, reason: row.reason, addressable: row.addressable, amountCents: BigInt(row.cents), accounts: row.accounts })),
  };
}
