import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { addCalendarDays } from "@/lib/calendar/company-day";
import { accuracyOf, emptyTally, mergeTallies, type AccuracyFigures, type AccuracyTally } from "@/lib/forecast/accuracy";
import { waterfallFromTallies, weekWaterfall, type Waterfall, type WeekChangeTally, type WeekState } from "@/lib/forecast/changes";
import { ACCOUNTS_PER_REASON, CSMS_SHOWN, SURPRISES_SHOWN } from "@/lib/forecast/page-rows";
import { firstOf, type Shown } from "@/lib/paging";
import { bucketOf, emptySums, mergeSums, retentionRates, rollUpSums, rollUpTeams, type Bucket, type CsmSums, type ForecastRow, type RetentionRates, type RollUpNode, type Sums } from "@/lib/forecast/retention";
import { addCalendarDaysUtc, weekStartOf } from "@/lib/forecast/week";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ForecastCategory, Segment } from "@/lib/generated/prisma/enums";
import { Segment as SegmentEnum } from "@/lib/generated/prisma/enums";
import { paged, type Paged } from "@/lib/paging";
import { isQuarter, quarterOf, quarterRange } from "@/lib/renewals/quarter";
import { findFilterPerson, type PersonOption } from "@/lib/server/people/filter-people";
import type { ActingUser } from "@/lib/server/authz";
import { forecastScopeSql } from "@/lib/server/forecast/access";
import { forecastContext } from "@/lib/server/forecast/context";
import { readsOwnForecastOnly } from "@/lib/server/forecast/permissions";
import { accuracyLevelsSummarySql, companyAccuracySummarySql, lateSurprisesSummarySql, type AccuracyCsmPick, memberSumsSql, reasonRowsSql, summarised, summaryCutsSql, teamSumsSql, weekChangesSql } from "@/lib/server/forecast/forecast-summaries";
import { AMOUNT_SQL, BUCKET_SQL, CATEGORY_SQL, FLAT_CENTS_SQL, readForecastRows, type ForecastRenewal } from "@/lib/server/forecast/forecast-rows";

// The forecast page (issue 12 §4–6): the quarter's renewals with their forecast, the roll-up CSM → manager → company,
// forecast GRR/NRR for this quarter and the next, the changes since last week, churn and downsell reasons, and the
// accuracy of past forecasts. Every query is scoped by forecastScopeSql (CSMs their book; AEs refused) and the cuts.

export const BUCKETS = ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK", "OMITTED", "CLOSED_WON", "CLOSED_LOST"] as const;

export const forecastParams = z.object({
  quarter: z.string().refine(isQuarter).optional().catch(undefined),
  segment: z.enum(SegmentEnum).optional().catch(undefined),
  csm: z.string().trim().min(1).max(40).optional().catch(undefined),
  ae: z.string().trim().min(1).max(40).optional().catch(undefined),
  /** The team (manager id, "none") whose CSMs the roll-up and the accuracy table show. */
  team: z.string().trim().min(1).max(40).optional().catch(undefined),
  /** Drill into one category (or closed outcome) of the quarter. */
  bucket: z.enum(BUCKETS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
export type ForecastParams = z.infer<typeof forecastParams>;

export function nextQuarter(quarter: string): string {
  return quarterOf(quarterRange(quarter).end);
}

function previousQuarter(quarter: string): string {
  return quarterOf(addCalendarDaysUtc(quarterRange(quarter).start, -1));
}

export function toForecastRow(row: ForecastRenewal): ForecastRow {
  return {
    renewalId: row.id,
    stage: row.stage,
    baseCents: row.baseCents,
    upliftCents: row.upliftCents,
    closedAmountCents: row.closedAmountCents,
    category: row.call.category,
    amountCents: row.call.amountCents,
    csmId: row.csmId,
    csmName: row.csmName,
    managerId: row.managerId,
    managerName: row.managerName,
  };
}

export function forecastCutsSql(actor: ActingUser, params: ForecastParams): Prisma.Sql {
  const parts = [forecastScopeSql(actor)];
  if (params.segment) parts.push(Prisma.sql`a."segment" = ${params.segment}::"Segment"`);
  if (params.csm && !readsOwnForecastOnly(actor)) parts.push(params.csm === "none" ? Prisma.sql`a."csmId" IS NULL` : Prisma.sql`a."csmId" = ${params.csm}`);
  if (params.ae) parts.push(Prisma.sql`a."aeId" = ${params.ae}`);
  return Prisma.join(parts, " AND ");
}

/** Whether the actor's view or the cuts narrow the accounts (otherwise the whole company's reads need no account). */
export function cutsAccounts(actor: ActingUser, params: ForecastParams): boolean {
  return readsOwnForecastOnly(actor) || Boolean(params.segment || params.csm || params.ae);
}

/** The renewals due in the quarters [from, to) in the actor's view and cuts. */
export function quarterRowsWhere(actor: ActingUser, params: ForecastParams, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`${forecastCutsSql(actor, params)} AND r."renewalDate" >= ${from}::date AND r."renewalDate" < ${to}::date`;
}

export interface ReasonSummary {
  reason: string;
  addressable: boolean | null;
  lostCents: bigint;
  /** The accounts behind it, largest loss first: the first few, and how many more. */
  accounts: Shown<{ id: string; name: string; lostCents: bigint }>;
}

export interface AccuracyGroup {
  key: string;
  name: string;
  at90: AccuracyFigures;
  at30: AccuracyFigures;
  lateSurprises: number;
  brier: number | null;
}

export interface ForecastPage {
  quarter: string;
  nextQuarter: string;
  quarters: string[];
  weekStart: Date;
  sums: Sums;
  rates: RetentionRates;
  next: { sums: Sums; rates: RetentionRates };
  rollUp: RollUpNode;
  rows: Paged<ForecastRenewal>;
  waterfall: Waterfall;
  reasons: ReasonSummary[];
  accuracy: {
    company: AccuracyGroup;
    /** Every CSM group, or from the summaries only those the page can show (accuracyCsms); csmCount counts them all. */
    byCsm: AccuracyGroup[];
    csmCount: number;
    byManager: AccuracyGroup[];
    bySegment: AccuracyGroup[];
    surprises: Shown<{ id: string; accountName: string; renewalDate: Date }>;
  };
  /** The CSM and AE the view is cut by, named for the pickers (null: none, or not one the actor may filter by). */
  options: { csm: PersonOption | null; ae: PersonOption | null };
}

const PER_PAGE = 50;

export async function getForecast(actor: ActingUser, params: ForecastParams, now = new Date()): Promise<ForecastPage> {
  forecastScopeSql(actor);
  const context = await forecastContext(now);
  const quarter = params.quarter ?? quarterOf(context.today);
  const next = nextQuarter(quarter);
  const { start, end } = quarterRange(quarter);
  const weekStart = weekStartOf(context.today);

  // The figures are sums: from the summaries (forecast-summaries.ts) for every view they answer, else from the
  // renewals, in PostgreSQL. Only the page of rows on show is read whole, with Baton's likelihood. Every read is
  // independent of the others, so all go at once; the page asked for is read alongside the sums and read again only
  // when it lies past the last page (a stale link), which the sums' count tells.
  const where = quarterRowsWhere(actor, params, start, end);
  const rowsWhere = params.bucket ? Prisma.sql`${where} AND ${BUCKET_SQL} = ${params.bucket}` : where;
  const rowsContext = { ...context, settings: context.settings.forecast };
  const readPage = (page: number) => readForecastRows(rowsWhere, rowsContext, prisma, { take: PER_PAGE, skip: (page - 1) * PER_PAGE });
  const [figures, options, asked] = await Promise.all([
    forecastFigures(actor, params, context.today),
    filterOptions(actor, params),
    readPage(params.page),
  ]);
  const { sums, nextSums } = figures;
  const count = params.bucket ? sums.buckets[params.bucket].renewals : sums.renewals;
  const page = Math.min(params.page, Math.max(1, Math.ceil(count / PER_PAGE)));
  const rows = page === params.page ? asked : await readPage(page);
  return {
    quarter,
    nextQuarter: next,
    quarters: [previousQuarter(previousQuarter(quarterOf(context.today))), previousQuarter(quarterOf(context.today)), quarterOf(context.today), nextQuarter(quarterOf(context.today)), nextQuarter(nextQuarter(quarterOf(context.today)))],
    weekStart,
    sums,
    rates: retentionRates(sums),
    next: { sums: nextSums, rates: retentionRates(nextSums) },
    rollUp: figures.rollUp,
    rows: paged(rows, count, page, PER_PAGE),
    waterfall: figures.waterfall,
    reasons: figures.reasons,
    accuracy: figures.accuracy,
    options,
  };
}

export interface ForecastFigures {
  sums: Sums;
  nextSums: Sums;
  rollUp: RollUpNode;
  waterfall: Waterfall;
  reasons: ReasonSummary[];
  accuracy: ForecastAccuracy;
}

/**
 * The page's figures for the quarter asked (default: today's), from the summaries when they answer the view, else
 * from the renewals (`source` forces one: the tests and the benchmark compare both).
 */
export async function forecastFigures(actor: ActingUser, params: ForecastParams, today: Date, source: "summaries" | "rows" = summarised(params) ? "summaries" : "rows"): Promise<ForecastFigures> {
  forecastScopeSql(actor);
  const quarter = params.quarter ?? quarterOf(today);
  const lastWeek = addCalendarDaysUtc(weekStartOf(today), -7);
  return source === "summaries" ? summaryFigures(actor, params, quarter, lastWeek, today) : rawFigures(actor, params, quarter, lastWeek, today);
}

/** The figures from the renewals themselves: the views the summaries do not answer (an AE cut). */
async function rawFigures(actor: ActingUser, params: ForecastParams, quarter: string, lastWeek: Date, today: Date): Promise<ForecastFigures> {
  const { start, end } = quarterRange(quarter);
  const { end: nextEnd } = quarterRange(nextQuarter(quarter));
  const where = quarterRowsWhere(actor, params, start, end);
  const [groups, states, previous, reasons, accuracy] = await Promise.all([
    prisma.$queryRaw<SumRow[]>(forecastSumsSql(quarterRowsWhere(actor, params, start, nextEnd), end)),
    prisma.$queryRaw<StateRow[]>(weekStatesSql(where, cutsAccounts(actor, params))),
    lastWeekSnapshots(actor, params, quarter, lastWeek),
    readReasons(actor, params, quarter, "rows"),
    readAccuracy(actor, params, today, "rows"),
  ]);
  const thisQuarter = csmSums(groups.filter((group) => !group.next));
  const current = new Map<string, WeekState>(states.map((row) => [row.id, { open: row.open, category: row.category, amountCents: row.amountCents }]));
  return {
    sums: mergeSums(thisQuarter.map((group) => group.sums)),
    nextSums: mergeSums(csmSums(groups.filter((group) => group.next)).map((group) => group.sums)),
    rollUp: rollUpSums(thisQuarter),
    waterfall: weekWaterfall(previous, current),
    reasons,
    accuracy,
  };
}

const OPEN_BUCKETS = ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK"] as const;

/**
 * The figures from the summaries: the quarter's sums per team (the roll-up reads the CSMs of the opened team only,
 * or of the lone team), the week's changes per kind, the losses per reason with their first accounts, and accuracy
 * per CSM and segment with the first late surprises.
 */
async function summaryFigures(actor: ActingUser, params: ForecastParams, quarter: string, lastWeek: Date, today: Date): Promise<ForecastFigures> {
  const { start, end: nextStart } = quarterRange(quarter);
  const cuts = summaryCutsSql(actor, params);
  const members = (team: string) => prisma.$queryRaw<SumRow[]>(memberSumsSql(cuts, start, team));
  const [teams, opened, tallies, reasons, accuracy] = await Promise.all([
    prisma.$queryRaw<SumRow[]>(teamSumsSql(actor, params, start, nextStart)),
    params.team ? members(params.team) : Promise.resolve([]),
    prisma.$queryRaw<WeekChangeTally[]>(weekChangesSql(cuts, start, lastWeek)),
    readReasons(actor, params, quarter, "summaries"),
    readAccuracy(actor, params, today, "summaries"),
  ]);
  const thisQuarter = csmSums(teams.filter((group) => !group.next));
  const sums = mergeSums(thisQuarter.map((group) => group.sums));
  // A lone team is shown opened whichever team the link names (another team may have nothing this quarter).
  const loneTeam = thisQuarter.length === 1 ? (thisQuarter[0]!.managerId ?? "none") : null;
  const lone = loneTeam !== null && loneTeam !== params.team ? await members(loneTeam) : opened;
  const open = { renewals: 0, cents: 0n };
  for (const bucket of OPEN_BUCKETS) {
    open.renewals += sums.buckets[bucket].renewals;
    open.cents += sums.buckets[bucket].cents;
  }
  return {
    sums,
    nextSums: mergeSums(csmSums(teams.filter((group) => group.next)).map((group) => group.sums)),
    rollUp: rollUpTeams(thisQuarter, csmSums(lone)),
    waterfall: waterfallFromTallies(tallies, open),
    reasons,
    accuracy,
  };
}

export interface SumRow {
  next: boolean;
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  bucket: Bucket;
  renewals: number;
  dueCents: bigint;
  bucketCents: bigint;
  expectedCents: bigint;
  grossRetainedCents: bigint;
  forecastBaseCents: bigint;
  upliftExpectedCents: bigint;
}

/**
 * The quarter's (and the next one's, from `nextStart`) sums per CSM and bucket, with lib/forecast/retention.ts's rules:
 * expected = closed amount (won), 0 (lost), nothing (Omitted), else the forecast amount; retained = min(expected, ARR up);
 * the uplift part of growth = min(expected − ARR up, contractual uplift).
 * One GROUP BY over the renewals by (quarter, CSM, bucket) — the bucket as a small integer, cheap to group by — and
 * only then the CSMs' and managers' names on the few grouped rows (grouping by the names sorted every renewal by text).
 */
export function forecastSumsSql(where: Prisma.Sql, nextStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT g.next, g."csmId", u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName",
      (ARRAY['COMMIT', 'BEST_CASE', 'PIPELINE', 'AT_RISK', 'OMITTED', 'CLOSED_WON', 'CLOSED_LOST'])[g.bucket + 1] AS bucket,
      g.renewals, g."dueCents", g."bucketCents", g."expectedCents", g."grossRetainedCents", g."forecastBaseCents", g."upliftExpectedCents"
    FROM (
      SELECT x.next, x."csmId", x.bucket, count(*)::int AS renewals, sum(x.base)::bigint AS "dueCents",
        sum(CASE x.bucket WHEN 5 THEN COALESCE(x.closed, 0) WHEN 6 THEN x.base ELSE x.amount END)::bigint AS "bucketCents",
        COALESCE(sum(x.expected), 0)::bigint AS "expectedCents",
        COALESCE(sum(LEAST(x.expected, x.base)) FILTER (WHERE x.expected IS NOT NULL), 0)::bigint AS "grossRetainedCents",
        COALESCE(sum(x.base) FILTER (WHERE x.expected IS NOT NULL), 0)::bigint AS "forecastBaseCents",
        COALESCE(sum(LEAST(x.expected - x.base, x.flat - x.base)) FILTER (WHERE x.expected > x.base), 0)::bigint AS "upliftExpectedCents"
      FROM (
        SELECT r."renewalDate" >= ${nextStart}::date AS next, a."csmId", r."amountCents" AS base, r."closedAmountCents" AS closed, y.flat, y.bucket, y.amount,
          CASE y.bucket WHEN 5 THEN COALESCE(r."closedAmountCents", 0) WHEN 6 THEN 0 WHEN 4 THEN NULL ELSE y.amount END AS expected
        FROM "RenewalOpportunity" r
        JOIN "Account" a ON a."id" = r."accountId"
        LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
        CROSS JOIN LATERAL (SELECT ${FLAT_CENTS_SQL} AS flat) z
        CROSS JOIN LATERAL (
          SELECT z.flat,
            CASE r."stage" WHEN 'CLOSED_WON' THEN 5 WHEN 'CLOSED_LOST' THEN 6 ELSE
              CASE COALESCE(f."overrideCategory", f."category", 'PIPELINE') WHEN 'COMMIT' THEN 0 WHEN 'BEST_CASE' THEN 1 WHEN 'PIPELINE' THEN 2 WHEN 'AT_RISK' THEN 3 ELSE 4 END
            END AS bucket,
            CASE WHEN f."overrideCategory" IS NOT NULL THEN COALESCE(f."overrideAmountCents", f."amountCents") WHEN f."renewalOpportunityId" IS NULL THEN z.flat ELSE f."amountCents" END AS amount
        ) y
        WHERE ${where}
      ) x
      GROUP BY 1, 2, 3
    ) g
    LEFT JOIN "User" u ON u."id" = g."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"`;
}

export function csmSums(rows: readonly SumRow[]): CsmSums[] {
  const groups = new Map<string, CsmSums>();
  for (const row of rows) {
    const key = `${row.managerId ?? ""}|${row.csmId ?? ""}`;
    const group = groups.get(key) ?? { csmId: row.csmId, csmName: row.csmName, managerId: row.managerId, managerName: row.managerName, sums: emptySums() };
    groups.set(key, group);
    const sums = group.sums;
    sums.renewals += row.renewals;
    sums.dueCents += row.dueCents;
    sums.buckets[row.bucket].renewals += row.renewals;
    sums.buckets[row.bucket].cents += row.bucketCents;
    sums.expectedCents += row.expectedCents;
    sums.grossRetainedCents += row.grossRetainedCents;
    sums.forecastBaseCents += row.forecastBaseCents;
    sums.upliftExpectedCents += row.upliftExpectedCents;
  }
  return [...groups.values()];
}

export interface StateRow {
  id: string;
  open: boolean;
  category: ForecastCategory;
  amountCents: bigint;
}

/**
 * Each renewal of the quarter as it stands, for the changes since last week: the call in force, or what it closed at.
 * `accounts`: whether `where` reads the account (a cut); the whole company's needs none.
 */
export function weekStatesSql(where: Prisma.Sql, accounts = true): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id", r."stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST') AS open, ${CATEGORY_SQL} AS category,
      CASE WHEN r."stage" = 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) WHEN r."stage" = 'CLOSED_LOST' THEN 0 ELSE ${AMOUNT_SQL} END AS "amountCents"
    FROM "RenewalOpportunity" r
    ${accounts ? Prisma.sql`JOIN "Account" a ON a."id" = r."accountId"` : Prisma.empty}
    LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
    WHERE ${where}`;
}

/** Every row of the quarter's view (the drill included), for the CSV export. */
export async function listForecastRows(actor: ActingUser, params: ForecastParams, now = new Date()): Promise<ForecastRenewal[]> {
  forecastScopeSql(actor);
  const context = await forecastContext(now);
  const quarter = params.quarter ?? quarterOf(context.today);
  const { start, end } = quarterRange(quarter);
  const rows = await readForecastRows(quarterRowsWhere(actor, params, start, end), { ...context, settings: context.settings.forecast });
  return params.bucket ? rows.filter((row) => bucketOf({ stage: row.stage, category: row.call.category }) === params.bucket) : rows;
}

export function lastWeekSnapshotsSql(actor: ActingUser, params: ForecastParams, quarter: string, week: Date): Prisma.Sql {
  const { start, end } = quarterRange(quarter);
  return Prisma.sql`
    SELECT s."renewalOpportunityId" AS id, s."category"::text AS category, s."amountCents"
    FROM "ForecastSnapshot" s
    JOIN "RenewalOpportunity" r ON r."id" = s."renewalOpportunityId"
    ${cutsAccounts(actor, params) ? Prisma.sql`JOIN "Account" a ON a."id" = r."accountId"` : Prisma.empty}
    WHERE s."weekStart" = ${week}::date AND ${quarterRowsWhere(actor, params, start, end)}`;
}

async function lastWeekSnapshots(actor: ActingUser, params: ForecastParams, quarter: string, week: Date): Promise<Map<string, WeekState>> {
  const rows = await prisma.$queryRaw<{ id: string; category: ForecastCategory; amountCents: bigint }[]>(lastWeekSnapshotsSql(actor, params, quarter, week));
  return new Map(rows.map((row) => [row.id, { open: true, category: row.category, amountCents: row.amountCents }]));
}

export function reasonSummarySql(actor: ActingUser, params: ForecastParams, quarter: string): Prisma.Sql {
  const { start, end } = quarterRange(quarter);
  return Prisma.sql`
    SELECT COALESCE(mv."reason", '') AS reason, mv."addressable", a."id" AS "accountId", a."name" AS "accountName", sum(mv."amountCents")::bigint AS "lostCents"
    FROM "ArrMovement" mv
    JOIN "Account" a ON a."id" = mv."accountId"
    WHERE mv."type" IN ('CHURN', 'CONTRACTION') AND mv."date" >= ${start}::date AND mv."date" < ${end}::date AND ${forecastCutsSql(actor, params)}
    GROUP BY 1, 2, 3, 4`;
}

interface ReasonGroup {
  reason: string;
  addressable: boolean | null;
  lostCents: bigint;
  /** How many accounts lost ARR for it; `accounts` may list only the largest. */
  count: number;
  accounts: { id: string; name: string; lostCents: bigint }[];
}

const byLoss = <T extends { lostCents: bigint }>(name: (item: T) => string) => (a: T, b: T) =>
  b.lostCents > a.lostCents ? 1 : b.lostCents < a.lostCents ? -1 : name(a).localeCompare(name(b));

/** The reasons, largest loss first, each with its first accounts (largest first, then by name). */
function reasonSummaries(groups: Iterable<ReasonGroup>): ReasonSummary[] {
  const list = [...groups].map((group) => {
    const items = [...group.accounts].sort(byLoss((account) => account.name)).slice(0, ACCOUNTS_PER_REASON);
    return { reason: group.reason || "No reason recorded", addressable: group.addressable, lostCents: group.lostCents, accounts: { items, more: group.count - items.length } };
  });
  return list.sort(byLoss((group) => group.reason));
}

/** The quarter's churn and downsell reasons, from the summaries or the ledger's rows. */
export function readReasons(actor: ActingUser, params: ForecastParams, quarter: string, source: "summaries" | "rows"): Promise<ReasonSummary[]> {
  return source === "summaries" ? summaryReasons(actor, params, quarterRange(quarter).start) : reasonSummary(actor, params, quarter);
}

/** The trailing year's accuracy, from the summaries or from every closed renewal's row. */
export function readAccuracy(actor: ActingUser, params: ForecastParams, today: Date, source: "summaries" | "rows"): Promise<ForecastAccuracy> {
  return source === "summaries"
    ? summaryAccuracy(summaryCutsSql(actor, params), today, { limit: CSMS_SHOWN, team: params.team })
    : forecastAccuracy(actor, forecastCutsSql(actor, params), today);
}

/** Churn and contraction of the quarter from the ledger, by reason and addressable, with the accounts behind each. */
async function reasonSummary(actor: ActingUser, params: ForecastParams, quarter: string): Promise<ReasonSummary[]> {
  const rows = await prisma.$queryRaw<{ reason: string; addressable: boolean | null; accountId: string; accountName: string; lostCents: bigint }[]>(reasonSummarySql(actor, params, quarter));
  const groups = new Map<string, ReasonGroup>();
  for (const row of rows) {
    const key = `${row.reason}|${row.addressable}`;
    const group = groups.get(key) ?? { reason: row.reason, addressable: row.addressable, lostCents: 0n, count: 0, accounts: [] };
    groups.set(key, group);
    group.lostCents += row.lostCents;
    group.count += 1;
    group.accounts.push({ id: row.accountId, name: row.accountName, lostCents: row.lostCents });
  }
  return reasonSummaries(groups.values());
}

export interface ReasonSummaryRow {
  reason: string;
  addressable: boolean | null;
  lostCents: bigint;
  accounts: number;
  accountId: string;
  accountName: string;
  accountCents: bigint;
}

/** The same from ForecastReasonAccount: each reason's sums, and only its largest accounts. */
async function summaryReasons(actor: ActingUser, params: ForecastParams, start: Date): Promise<ReasonSummary[]> {
  const rows = await prisma.$queryRaw<ReasonSummaryRow[]>(reasonRowsSql(actor, params, start, ACCOUNTS_PER_REASON));
  const groups = new Map<string, ReasonGroup>();
  for (const row of rows) {
    const key = `${row.reason}|${row.addressable}`;
    const group = groups.get(key) ?? { reason: row.reason, addressable: row.addressable, lostCents: row.lostCents, count: row.accounts, accounts: [] };
    groups.set(key, group);
    group.accounts.push({ id: row.accountId, name: row.accountName, lostCents: row.accountCents });
  }
  return reasonSummaries(groups.values());
}

interface TallyColumns {
  n90: number;
  base90: bigint;
  forecast90: bigint;
  closed90: bigint;
  error90: bigint;
  n30: number;
  base30: bigint;
  forecast30: bigint;
  closed30: bigint;
  error30: bigint;
  surprises: number;
  brierRenewals: number;
  brierSquares: bigint;
}

export interface AccuracyTallyRow extends TallyColumns {
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  segment: Segment;
}

/** The closed renewals of the trailing year (renewal date within the year up to today), on the accounts `where` admits. */
function closedInYear(where: Prisma.Sql, today: Date): Prisma.Sql {
  return Prisma.sql`c."renewalDate" > ${addCalendarDays(today, -365)}::date AND c."renewalDate" <= ${today}::date AND ${where}`;
}

/** A forecast amount N days out as accuracy reads it: nothing when Omitted. */
const forecastAt = (days: 90 | 30) => `CASE WHEN c."category${days}" = 'OMITTED' THEN 0 ELSE c."amount${days}Cents" END`;

/** lib/forecast/accuracy.ts's tally, summed over the stored 90/30-day forecasts (a null category: no snapshot that old). */
function tallySums(): Prisma.Sql {
  const at = (days: 90 | 30) => Prisma.raw(`
      count(c."category${days}")::int AS "n${days}",
      COALESCE(sum(c."baseCents") FILTER (WHERE c."category${days}" IS NOT NULL), 0)::bigint AS "base${days}",
      COALESCE(sum(${forecastAt(days)}), 0)::bigint AS "forecast${days}",
      COALESCE(sum(c."closedCents") FILTER (WHERE c."category${days}" IS NOT NULL), 0)::bigint AS "closed${days}",
      COALESCE(sum(abs(${forecastAt(days)} - c."closedCents")), 0)::bigint AS "error${days}"`);
  return Prisma.sql`${at(90)}, ${at(30)},
      count(*) FILTER (WHERE c."category30" = 'COMMIT' AND (NOT c."won" OR c."closedCents" < c."baseCents"))::int AS surprises,
      count(c."likelihood90")::int AS "brierRenewals",
      -- Whole numbers ≤ 10⁴ each: their float sum is exact far beyond any company's count of renewals.
      COALESCE(sum(power(c."likelihood90" - CASE WHEN c."won" THEN 100 ELSE 0 END, 2)), 0)::bigint AS "brierSquares"`;
}

/**
 * Accuracy's sums per CSM and segment over the closed renewals of the trailing year, on the accounts `where` (aliased
 * `a`) admits: the forecast page's cuts, or the dashboard's scope. The CSMs' names and managers join the few grouped rows.
 */
export function accuracyTallySql(where: Prisma.Sql, today: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT g.*, u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName"
    FROM (
      SELECT a."csmId", a."segment", ${tallySums()}
      FROM "ClosedRenewalForecast" c
      JOIN "Account" a ON a."id" = c."accountId"
      WHERE ${closedInYear(where, today)}
      GROUP BY a."csmId", a."segment"
    ) g
    LEFT JOIN "User" u ON u."id" = g."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"`;
}

/** The late surprises themselves (lost or downsold while Commit 30 days out), soonest renewal first. */
export function lateSurprisesSql(where: Prisma.Sql, today: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT c."renewalOpportunityId" AS id, a."name" AS "accountName", c."renewalDate"
    FROM "ClosedRenewalForecast" c
    JOIN "Account" a ON a."id" = c."accountId"
    WHERE c."category30" = 'COMMIT' AND (NOT c."won" OR c."closedCents" < c."baseCents") AND ${closedInYear(where, today)}
    ORDER BY c."renewalDate", a."name", c."renewalOpportunityId"`;
}

function toTally(row: TallyColumns): AccuracyTally {
  return {
    at90: { renewals: row.n90, baseCents: row.base90, forecastCents: row.forecast90, closedCents: row.closed90, absErrorCents: row.error90 },
    at30: { renewals: row.n30, baseCents: row.base30, forecastCents: row.forecast30, closedCents: row.closed30, absErrorCents: row.error30 },
    lateSurprises: row.surprises,
    brierRenewals: row.brierRenewals,
    brierSquares: row.brierSquares,
  };
}

const byName = (a: AccuracyGroup, b: AccuracyGroup) => a.name.localeCompare(b.name);

function group(key: string, name: string, rows: readonly AccuracyTallyRow[]): AccuracyGroup {
  return { key, name, ...accuracyOf(mergeTallies(rows.map(toTally))) };
}

function groupBy(rows: readonly AccuracyTallyRow[], keyOf: (row: AccuracyTallyRow) => [string, string]): AccuracyGroup[] {
  const map = new Map<string, { name: string; rows: AccuracyTallyRow[] }>();
  for (const row of rows) {
    const [key, name] = keyOf(row);
    const entry = map.get(key) ?? { name, rows: [] };
    map.set(key, entry);
    entry.rows.push(row);
  }
  return [...map.entries()].map(([key, entry]) => group(key, entry.name, entry.rows)).sort(byName);
}

const SEGMENT_NAMES: Record<Segment, string> = { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" };

export type ForecastAccuracy = ForecastPage["accuracy"];

/** The groups of the accuracy section from its per-CSM-and-segment sums. */
export function accuracyGroups(rows: readonly AccuracyTallyRow[], surprises: ForecastAccuracy["surprises"]): ForecastAccuracy {
  const byCsm = groupBy(rows, (row) => [row.csmId ?? "", row.csmName ?? "Unassigned"]);
  return {
    company: group("company", "Company", rows),
    byCsm,
    csmCount: byCsm.length,
    byManager: groupBy(rows, (row) => [row.managerId ?? "", row.managerName ?? "No manager"]),
    bySegment: groupBy(rows, (row) => [row.segment, SEGMENT_NAMES[row.segment]]),
    surprises,
  };
}

/** One group of accuracyLevelsSummarySql: level 7 the company, 3 a segment, 5 a manager, 4 a CSM. */
export interface AccuracyLevelRow extends TallyColumns {
  level: 3 | 4 | 5 | 7;
  key: string | null;
  name: string | null;
  /** On the company row: how many CSM groups there are. */
  csms: number | null;
}

/** The same groups from the database's per-level sums. */
export function accuracyLevels(rows: readonly AccuracyLevelRow[], surprises: ForecastAccuracy["surprises"]): ForecastAccuracy {
  const groups = (level: AccuracyLevelRow["level"], keyOf: (row: AccuracyLevelRow) => [string, string]) =>
    rows.filter((row) => row.level === level).map((row) => {
      const [key, name] = keyOf(row);
      return { key, name, ...accuracyOf(toTally(row)) };
    }).sort(byName);
  const company = rows.find((row) => row.level === 7);
  return {
    company: { key: "company", name: "Company", ...accuracyOf(company ? toTally(company) : emptyTally()) },
    byCsm: groups(4, (row) => [row.key ?? "", row.name ?? "Unassigned"]),
    csmCount: company?.csms ?? 0,
    byManager: groups(5, (row) => [row.key ?? "", row.name ?? "No manager"]),
    bySegment: groups(3, (row) => [row.key!, SEGMENT_NAMES[row.key as Segment]]),
    surprises,
  };
}

/**
 * The accuracy of past forecasts on the accounts `where` (aliased `a`) admits, read by the forecast page (its cuts);
 * always within what the forecast lets the actor see (a CSM their book; AEs refused).
 */
export async function forecastAccuracy(actor: ActingUser, where: Prisma.Sql, today: Date): Promise<ForecastAccuracy> {
  const scoped = Prisma.sql`${forecastScopeSql(actor)} AND ${where}`;
  const [rows, surprises] = await Promise.all([
    prisma.$queryRaw<AccuracyTallyRow[]>(accuracyTallySql(scoped, today)),
    prisma.$queryRaw<Surprise[]>(lateSurprisesSql(scoped, today)),
  ]);
  return accuracyGroups(rows, firstOf(surprises, SURPRISES_SHOWN));
}

type Surprise = ForecastAccuracy["surprises"]["items"][number];

/** The same from the summaries (`cuts` on their alias t): the page's groups, and only the first late surprises. */
async function summaryAccuracy(cuts: Prisma.Sql, today: Date, pick: AccuracyCsmPick): Promise<ForecastAccuracy> {
  const [rows, surprises] = await Promise.all([
    prisma.$queryRaw<AccuracyLevelRow[]>(accuracyLevelsSummarySql(cuts, today, pick)),
    prisma.$queryRaw<Surprise[]>(lateSurprisesSummarySql(cuts, today, SURPRISES_SHOWN)),
  ]);
  const accuracy = accuracyLevels(rows, { items: surprises, more: 0 });
  return { ...accuracy, surprises: { items: surprises, more: Math.max(0, accuracy.company.lateSurprises - surprises.length) } };
}

/**
 * A cut's accuracy in one row of sums: the dashboard's figure (the same as the forecast page's company row), on the
 * accounts `where` (aliased `a`) admits. The whole company's comes from the summaries (companyAccuracySummarySql).
 */
export function companyAccuracySql(where: Prisma.Sql, today: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${tallySums()}
    FROM "ClosedRenewalForecast" c
    JOIN "Account" a ON a."id" = c."accountId"
    WHERE ${closedInYear(where, today)}`;
}

/** The dashboard's figure: the whole company's from the summaries (its rows set by the CSMs, not the renewals), a cut's from its accounts' renewals. */
export async function companyAccuracy(actor: ActingUser, where: Prisma.Sql | null, today: Date): Promise<AccuracyGroup> {
  const scope = forecastScopeSql(actor);
  const scoped = where || readsOwnForecastOnly(actor) ? Prisma.sql`${scope} AND ${where ?? Prisma.sql`TRUE`}` : null;
  const [row] = await prisma.$queryRaw<(TallyColumns | Record<keyof TallyColumns, null>)[]>(scoped ? companyAccuracySql(scoped, today) : companyAccuracySummarySql(today));
  return { key: "company", name: "Company", ...accuracyOf(row && row.n90 !== null ? toTally(row) : emptyTally()) };
}

async function filterOptions(actor: ActingUser, params: ForecastParams): Promise<ForecastPage["options"]> {
  if (readsOwnForecastOnly(actor)) return { csm: null, ae: null };
  const [csm, ae] = await Promise.all([
    params.csm && params.csm !== "none" ? findFilterPerson(actor, "CSM", params.csm) : null,
    params.ae ? findFilterPerson(actor, "AE", params.ae) : null,
  ]);
  return { csm, ae };
}

