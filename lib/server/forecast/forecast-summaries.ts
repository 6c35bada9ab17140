import "server-only";
import { accuracyBlock } from "@/lib/forecast/accuracy-window";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { readsOwnForecastOnly } from "@/lib/server/forecast/permissions";

// The forecast page's company-wide reads from the summaries the forecast_page_summaries migration keeps (per CSM and
// segment: the quarter's sums by bucket, the changes since each week's snapshot, closed renewals' accuracy in blocks
// of twelve months, and each account's losses by reason), so a read sums rows set by the CSMs, not by the renewals.
// They answer every view but an AE cut (the summaries are not kept per AE): `summarised` says which, get-forecast.ts
// reads the renewals themselves otherwise. Each gives the same figures as the raw statement it stands for (same column
// names; the accuracy has no company row when nothing closed, where the raw one has a row of NULLs).

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
 * roll-up's team rows; the next quarter only per bucket (the page shows its GRR / NRR, no roll-up). `start`,
 * `nextStart`: the two quarters' first days. A view without a CSM cut reads the teams' own rows
 * (ForecastTeamQuarterSum: ≈ 500 teams at 10× instead of 10,000 CSMs); a CSM's reads its own.
 */
export function teamSumsSql(actor: ActingUser, params: SummaryCuts, start: Date, nextStart: Date): Prisma.Sql {
  const perCsm = readsOwnForecastOnly(actor) || Boolean(params.csm);
  const grouped = perCsm
    ? Prisma.sql`
      SELECT t."quarterStart" = ${nextStart}::date AS next, CASE WHEN t."quarterStart" = ${start}::date THEN u."managerId" END AS "managerId", t."bucket", ${SUMS}
      FROM "ForecastQuarterSum" t
      LEFT JOIN "User" u ON u."id" = t."csmId"
      WHERE t."quarterStart" IN (${start}::date, ${nextStart}::date) AND ${summaryCutsSql(actor, params)}
      GROUP BY 1, 2, 3`
    : Prisma.sql`
      SELECT t."quarterStart" = ${nextStart}::date AS next, CASE WHEN t."quarterStart" = ${start}::date THEN NULLIF(t."managerId", '') END AS "managerId", t."bucket", ${SUMS}
      FROM "ForecastTeamQuarterSum" t
      WHERE t."quarterStart" IN (${start}::date, ${nextStart}::date) AND ${summaryCutsSql(actor, { segment: params.segment })}
      GROUP BY 1, 2, 3`;
  return Prisma.sql`
    SELECT g.next, NULL::text AS "csmId", NULL::text AS "csmName", g."managerId", m."name" AS "managerName", ${BUCKET_NAME} AS bucket, ${SUM_COLUMNS}
    FROM (${grouped}) g
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

const TALLY_COLUMNS = ["n90", "base90", "forecast90", "closed90", "error90", "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares"];
const COUNTS = new Set(["n90", "n30", "surprises", "brierRenewals"]);

const tallySums = (alias: string) => Prisma.raw(TALLY_COLUMNS.map((c) => `sum(${alias}."${c}")::${COUNTS.has(c) ? "int" : "bigint"} AS "${c}"`).join(", "));

const YEAR_COLUMNS = ["renewals", ...TALLY_COLUMNS];

/**
 * `per_csm`: the trailing year's renewals and tallies per CSM ('' none) and segment, within `cuts` (on alias t). One
 * twelve-month block per CSM and segment, corrected by the sums of the closed renewals of the days where the block and
 * the year differ (accuracyBlock) — joined, not summed with them, as most groups have no such renewal. A group is in
 * the year when its renewals come to more than none: a block's only renewals can be taken out again.
 */
function accuracyYearCtes(cuts: Prisma.Sql, today: Date): Prisma.Sql {
  const { lastMonth, edges } = accuracyBlock(today);
  const columns = (sign: number) => Prisma.raw([`${sign}::int AS "renewals"`, ...TALLY_COLUMNS.map((c) => (sign === 1 ? `t."${c}"` : `-t."${c}" AS "${c}"`))].join(", "));
  const edgeRows = edges.length
    ? Prisma.join(edges.map((edge) => Prisma.sql`
        SELECT t."csmId", t."segment", ${columns(edge.sign)} FROM "ForecastRenewalState" t
        WHERE t."closed" AND t."renewalDate" >= ${edge.from}::date AND t."renewalDate" < ${edge.until}::date AND ${cuts}`), " UNION ALL ")
    : Prisma.sql`SELECT t."csmId", t."segment", ${columns(0)} FROM "ForecastRenewalState" t WHERE FALSE`;
  const corrected = Prisma.raw(YEAR_COLUMNS.map((c) => `coalesce(y."${c}", 0) + coalesce(e."${c}", 0) AS "${c}"`).join(", "));
  return Prisma.sql`
    edge AS (SELECT t."csmId", t."segment", ${tallySums("t")}, sum(t."renewals")::int AS "renewals" FROM (${edgeRows}) t GROUP BY 1, 2),
    per_csm AS MATERIALIZED (
      SELECT coalesce(y."csmId", e."csmId") AS "csmId", coalesce(y."segment", e."segment") AS "segment", ${corrected}
      FROM (SELECT * FROM "ForecastAccuracyYear" t WHERE t."lastMonth" = ${lastMonth}::date AND ${cuts}) y
      FULL JOIN edge e ON e."csmId" = y."csmId" AND e."segment" = y."segment"
      WHERE coalesce(y."renewals", 0) + coalesce(e."renewals", 0) > 0
    )`;
}

/** The whole company's accuracy over the trailing year in one row of sums (TallyColumns; no row when none closed). */
export function companyAccuracySummarySql(today: Date): Prisma.Sql {
  return Prisma.sql`WITH ${accuracyYearCtes(Prisma.sql`TRUE`, today)} SELECT ${tallySums("p")} FROM per_csm p HAVING count(*) > 0`;
}

/** The CSMs the accuracy table can show: the first `limit` by closed renewals, and the team it may list in full (a manager's id, or "none"). */
export interface AccuracyCsmPick {
  limit: number;
  team?: string;
}

/**
 * Accuracy over the trailing year from the summaries, summed in the database for the page's groups
 * (AccuracyLevelRow): the company row (with the count of CSM groups), each segment, each manager, and only the CSMs
 * the page can show — those with the most closed renewals (the first `limit` and any tied with the last, so the page's
 * own order, by name after the count, picks the same ones) and the picked team's. At 10× that is ≈ 1,000 rows out
 * instead of every CSM and segment (30,000) grouped in Node. Each level is its own small GROUP BY over per_csm: the
 * CSMs are ranked by two integer sums and only the picked ones summed in full (one GROUPING SETS over every column of
 * 10,000 CSMs took 3× as long).
 */
export function accuracyLevelsSummarySql(cuts: Prisma.Sql, today: Date, pick: AccuracyCsmPick): Prisma.Sql {
  const team = pick.team === undefined ? Prisma.sql`FALSE` : pick.team === "none" ? Prisma.sql`u."managerId" IS NULL` : Prisma.sql`u."managerId" = ${pick.team}`;
  const columns = Prisma.raw(TALLY_COLUMNS.map((c) => `s."${c}"`).join(", "));
  return Prisma.sql`
    WITH ${accuracyYearCtes(cuts, today)},
    csm_counts AS MATERIALIZED (SELECT g."csmId", sum(g."n90") AS n90, sum(g."n30") AS n30 FROM per_csm g GROUP BY 1),
    picked AS (
      (SELECT c."csmId" FROM csm_counts c ORDER BY greatest(c.n90, c.n30) DESC FETCH FIRST ${pick.limit} ROWS WITH TIES)
      UNION SELECT c."csmId" FROM csm_counts c LEFT JOIN "User" u ON u."id" = c."csmId" WHERE ${team}
    ),
    segments AS (SELECT g."segment", ${tallySums("g")} FROM per_csm g GROUP BY 1)
    -- level: 7 the company, 3 a segment, 5 a manager, 4 a CSM.
    SELECT 7 AS level, NULL::text AS key, NULL::text AS name, (SELECT count(*) FROM csm_counts)::int AS csms, ${tallySums("s")} FROM segments s HAVING count(*) > 0
    UNION ALL SELECT 3, s."segment"::text, NULL, NULL, ${columns} FROM segments s
    UNION ALL
    SELECT 5, g."managerId", min(g."name"), NULL, ${tallySums("g")}
    FROM (SELECT p.*, u."managerId", m."name" FROM per_csm p LEFT JOIN "User" u ON u."id" = p."csmId" LEFT JOIN "User" m ON m."id" = u."managerId") g
    GROUP BY g."managerId"
    UNION ALL
    SELECT 4, NULLIF(g."csmId", ''), min(c."name"), NULL, ${tallySums("g")}
    FROM per_csm g JOIN picked p ON p."csmId" = g."csmId" LEFT JOIN "User" c ON c."id" = g."csmId"
    GROUP BY g."csmId"`;
}

/** The first `limit` late surprises of the trailing year, soonest renewal first (as lateSurprisesSql orders them). */
export function lateSurprisesSummarySql(cuts: Prisma.Sql, today: Date, limit: number): Prisma.Sql {
  const { from, to } = accuracyBlock(today);
  return Prisma.sql`
    SELECT t."renewalOpportunityId" AS id, a."name" AS "accountName", t."renewalDate"
    FROM "ForecastRenewalState" t
    JOIN "Account" a ON a."id" = t."accountId"
    WHERE t."surprises" = 1 AND t."renewalDate" >= ${from}::date AND t."renewalDate" <= ${to}::date AND ${cuts}
    ORDER BY t."renewalDate", a."name", t."renewalOpportunityId"
    LIMIT ${limit}`;
}
