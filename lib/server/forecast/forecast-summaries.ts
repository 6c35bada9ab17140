import "server-only";
import { addCalendarDaysUtc } from "@/lib/forecast/week";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { readsOwnForecastOnly } from "@/lib/server/forecast/permissions";

// The forecast page's company-wide reads from the summaries the forecast_page_summaries migration keeps (per CSM and
// segment: the quarter's sums by bucket, the changes since each week's snapshot, closed renewals' accuracy by month,
// and each account's losses by reason), so a read sums rows set by the CSMs, not by the renewals. They answer every
// view but an AE cut (the summaries are not kept per AE): `summarised` says which, get-forecast.ts reads the renewals
// themselves otherwise. Each returns the same rows as the raw statement it stands for (same column names).

export interface SummaryCuts {
  csm?: string;
  segment?: string;
  ae?: string;
}

/** Whether the summaries answer this view (every cut but an AE's). */
export function summarised(params: SummaryCuts): boolean {
  return !params.ae;
}

/** The actor's view and the cuts on a summary's rows (`alias`: csmId '' is no CSM). */
export function summaryCutsSql(actor: ActingUser, params: SummaryCuts, alias = "t"): Prisma.Sql {
  const t = Prisma.raw(alias);
  const parts = [Prisma.sql`TRUE`];
  if (readsOwnForecastOnly(actor)) parts.push(Prisma.sql`${t}."csmId" = ${actor.id}`);
  else if (params.csm) parts.push(Prisma.sql`${t}."csmId" = ${params.csm === "none" ? "" : params.csm}`);
  if (params.segment) parts.push(Prisma.sql`${t}."segment" = ${params.segment}::"Segment"`);
  return Prisma.join(parts, " AND ");
}

const BUCKET_NAME = Prisma.sql`(ARRAY['COMMIT', 'BEST_CASE', 'PIPELINE', 'AT_RISK', 'OMITTED', 'CLOSED_WON', 'CLOSED_LOST'])[g.bucket + 1]`;
const SUMS = Prisma.sql`sum(t."renewals")::int AS renewals, sum(t."dueCents")::bigint AS "dueCents", sum(t."bucketCents")::bigint AS "bucketCents",
  sum(t."expectedCents")::bigint AS "expectedCents", sum(t."grossRetainedCents")::bigint AS "grossRetainedCents",
  sum(t."forecastBaseCents")::bigint AS "forecastBaseCents", sum(t."upliftExpectedCents")::bigint AS "upliftExpectedCents"`;
const SUM_COLUMNS = Prisma.sql`g.renewals, g."dueCents", g."bucketCents", g."expectedCents", g."grossRetainedCents", g."forecastBaseCents", g."upliftExpectedCents"`;

/**
 * The quarter's and the next one's sums per team and bucket (SumRow with no CSM): the company, the GRR / NRR and the
 * roll-up's team rows. `start`, `nextStart`: the two quarters' first days.
 */
export function teamSumsSql(cuts: Prisma.Sql, start: Date, nextStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT g.next, NULL::text AS "csmId", NULL::text AS "csmName", g."managerId", m."name" AS "managerName", ${BUCKET_NAME} AS bucket, ${SUM_COLUMNS}
    FROM (
      SELECT t."quarterStart" = ${nextStart}::date AS next, u."managerId", t."bucket", ${SUMS}
      FROM "ForecastQuarterSum" t
      LEFT JOIN "User" u ON u."id" = t."csmId"
      WHERE t."quarterStart" IN (${start}::date, ${nextStart}::date) AND ${cuts}
      GROUP BY 1, 2, 3
    ) g
    LEFT JOIN "User" m ON m."id" = g."managerId"`;
}

/** One team's CSMs' sums per bucket for the quarter starting `start` (`team`: the manager's id, or "none"). */
export function memberSumsSql(cuts: Prisma.Sql, start: Date, team: string): Prisma.Sql {
  return Prisma.sql`
    SELECT FALSE AS next, NULLIF(g."csmId", '') AS "csmId", u."name" AS "csmName", u."managerId", m."name" AS "managerName", ${BUCKET_NAME} AS bucket, ${SUM_COLUMNS}
    FROM (
      SELECT t."csmId", t."bucket", ${SUMS}
      FROM "ForecastQuarterSum" t
      LEFT JOIN "User" c ON c."id" = t."csmId"
      WHERE t."quarterStart" = ${start}::date AND ${cuts} AND ${team === "none" ? Prisma.sql`c."managerId" IS NULL` : Prisma.sql`c."managerId" = ${team}`}
      GROUP BY 1, 2
    ) g
    LEFT JOIN "User" u ON u."id" = g."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"`;
}

/** The changes since the snapshot of `week` of the quarter's renewals that have one, per kind (WeekChangeTally). */
export function weekChangesSql(cuts: Prisma.Sql, start: Date, week: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t."kind"::int AS kind, sum(t."renewals")::int AS renewals, sum(t."deltaCents")::bigint AS "deltaCents",
      sum(t."lastWeekCents")::bigint AS "lastWeekCents", sum(t."thisWeekCents")::bigint AS "thisWeekCents", sum(t."inForecast")::int AS "inForecast"
    FROM "ForecastWeekChange" t
    WHERE t."weekStart" = ${week}::date AND t."quarterStart" = ${start}::date AND ${cuts}
    GROUP BY 1`;
}

/**
 * The quarter's losses per reason and addressable (count of accounts, sum), each with its largest accounts: the
 * first `limit` and any tied with the last of them, so the page's order (amount, then name) picks the same ones.
 * The sums come from ForecastReasonSum for the company or a segment, from the accounts' rows for a CSM's view.
 */
export function reasonRowsSql(actor: ActingUser, params: SummaryCuts, start: Date, limit: number): Prisma.Sql {
  const cuts = (alias: string) => summaryCutsSql(actor, params, alias);
  const byCsm = readsOwnForecastOnly(actor) || Boolean(params.csm);
  const sums = byCsm
    ? Prisma.sql`SELECT t."reason", t."addressable", sum(t."lostCents")::bigint AS "lostCents", count(*)::int AS accounts
        FROM "ForecastReasonAccount" t WHERE t."quarterStart" = ${start}::date AND ${cuts("t")} GROUP BY 1, 2`
    : Prisma.sql`SELECT t."reason", t."addressable", sum(t."lostCents")::bigint AS "lostCents", sum(t."accounts")::int AS accounts
        FROM "ForecastReasonSum" t WHERE t."quarterStart" = ${start}::date AND ${cuts("t")} GROUP BY 1, 2`;
  return Prisma.sql`
    SELECT g."reason", CASE g."addressable" WHEN 1 THEN TRUE WHEN 0 THEN FALSE END AS addressable, g."lostCents", g.accounts,
      x."accountId", (SELECT a."name" FROM "Account" a WHERE a."id" = x."accountId") AS "accountName", x."lostCents" AS "accountCents"
    FROM (${sums}) g
    CROSS JOIN LATERAL (
      SELECT t."accountId", t."lostCents" FROM "ForecastReasonAccount" t
      WHERE t."quarterStart" = ${start}::date AND t."reason" = g."reason" AND t."addressable" = g."addressable" AND ${cuts("t")}
      -- One walk down the (quarter, reason, addressable, amount) index; a threshold subquery beside it was planned as a
      -- scan of every account row of the reason (494 ms against 3.5 at company scale).
      ORDER BY t."lostCents" DESC FETCH FIRST ${limit} ROWS WITH TIES
    ) x`;
}

/**
 * The trailing year of closed renewals (renewal date in (today − 365, today]) as whole months of the summary and the
 * days either side of them, read from the renewals' own state rows.
 */
export function accuracyWindow(today: Date): { from: Date; to: Date; monthsFrom: Date; monthsTo: Date } {
  const from = addCalendarDaysUtc(today, -364);
  const monthsFrom = from.getUTCDate() === 1 ? from : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const after = addCalendarDaysUtc(today, 1);
  const monthsTo = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1));
  return { from, to: today, monthsFrom, monthsTo };
}

const TALLY_COLUMNS = ["n90", "base90", "forecast90", "closed90", "error90", "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares"];
const COUNTS = new Set(["n90", "n30", "surprises", "brierRenewals"]);

/** Accuracy's sums per CSM and segment over the trailing year (AccuracyTallyRow), from the summaries. */
export function accuracyTallySummarySql(cuts: Prisma.Sql, today: Date): Prisma.Sql {
  const { from, to, monthsFrom, monthsTo } = accuracyWindow(today);
  const columns = Prisma.raw(TALLY_COLUMNS.map((c) => `t."${c}"`).join(", "));
  const sums = Prisma.raw(TALLY_COLUMNS.map((c) => `sum(p."${c}")::${COUNTS.has(c) ? "int" : "bigint"} AS "${c}"`).join(", "));
  return Prisma.sql`
    SELECT g.*, u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName"
    FROM (
      SELECT NULLIF(p."csmId", '') AS "csmId", p."segment", ${sums}
      FROM (
        SELECT t."csmId", t."segment", ${columns} FROM "ForecastAccuracyMonth" t
        WHERE t."month" >= ${monthsFrom}::date AND t."month" < ${monthsTo}::date AND ${cuts}
        UNION ALL
        SELECT t."csmId", t."segment", ${columns} FROM "ForecastRenewalState" t
        WHERE t."closed" AND ${cuts}
          AND ((t."renewalDate" >= ${from}::date AND t."renewalDate" < ${monthsFrom}::date) OR (t."renewalDate" >= ${monthsTo}::date AND t."renewalDate" <= ${to}::date))
      ) p
      GROUP BY 1, 2
    ) g
    LEFT JOIN "User" u ON u."id" = g."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"`;
}

/** The first `limit` late surprises of the trailing year, soonest renewal first (as lateSurprisesSql orders them). */
export function lateSurprisesSummarySql(cuts: Prisma.Sql, today: Date, limit: number): Prisma.Sql {
  const { from, to } = accuracyWindow(today);
  return Prisma.sql`
    SELECT t."renewalOpportunityId" AS id, a."name" AS "accountName", t."renewalDate"
    FROM "ForecastRenewalState" t
    JOIN "Account" a ON a."id" = t."accountId"
    WHERE t."surprises" = 1 AND t."renewalDate" >= ${from}::date AND t."renewalDate" <= ${to}::date AND ${cuts}
    ORDER BY t."renewalDate", a."name", t."renewalOpportunityId"
    LIMIT ${limit}`;
}
