import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { addCalendarDays } from "@/lib/calendar/company-day";
import { accuracyAt, brierScore, lateSurprises, type AccuracyFigures, type ClosedHistory, type SnapshotPoint } from "@/lib/forecast/accuracy";
import { weekWaterfall, type Waterfall, type WeekState } from "@/lib/forecast/changes";
import { bucketOf, emptySums, mergeSums, retentionRates, rollUpSums, type Bucket, type CsmSums, type ForecastRow, type RetentionRates, type RollUpNode, type Sums } from "@/lib/forecast/retention";
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

/** The renewals due in the quarters [from, to) in the actor's view and cuts. */
export function quarterRowsWhere(actor: ActingUser, params: ForecastParams, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`${forecastCutsSql(actor, params)} AND r."renewalDate" >= ${from}::date AND r."renewalDate" < ${to}::date`;
}

export interface ReasonSummary {
  reason: string;
  addressable: boolean | null;
  lostCents: bigint;
  accounts: { id: string; name: string; lostCents: bigint }[];
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
  accuracy: { company: AccuracyGroup; byCsm: AccuracyGroup[]; byManager: AccuracyGroup[]; bySegment: AccuracyGroup[]; surprises: { id: string; accountName: string; renewalDate: Date }[] };
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
  const { end: nextEnd } = quarterRange(next);
  const weekStart = weekStartOf(context.today);

  // The figures are summed in PostgreSQL (per CSM and bucket); only the page of rows on show is read whole, with
  // Baton's likelihood — at company scale a quarter holds tens of thousands of renewals.
  const [groups, states, previous, reasons, accuracy, options] = await Promise.all([
    prisma.$queryRaw<SumRow[]>(forecastSumsSql(quarterRowsWhere(actor, params, start, nextEnd), end)),
    prisma.$queryRaw<StateRow[]>(weekStatesSql(quarterRowsWhere(actor, params, start, end))),
    lastWeekSnapshots(actor, params, quarter, addCalendarDaysUtc(weekStart, -7)),
    reasonSummary(actor, params, quarter),
    forecastAccuracy(actor, forecastCutsSql(actor, params), context.today),
    filterOptions(actor, params),
  ]);
  const thisQuarter = csmSums(groups.filter((group) => !group.next));
  const sums = mergeSums(thisQuarter.map((group) => group.sums));
  const nextSums = mergeSums(csmSums(groups.filter((group) => group.next)).map((group) => group.sums));
  const count = params.bucket ? sums.buckets[params.bucket].renewals : sums.renewals;
  const page = Math.min(params.page, Math.max(1, Math.ceil(count / PER_PAGE)));
  const where = quarterRowsWhere(actor, params, start, end);
  const rows = await readForecastRows(params.bucket ? Prisma.sql`${where} AND ${BUCKET_SQL} = ${params.bucket}` : where, { ...context, settings: context.settings.forecast }, prisma, { take: PER_PAGE, skip: (page - 1) * PER_PAGE });
  const current = new Map<string, WeekState>(states.map((row) => [row.id, { open: row.open, category: row.category, amountCents: row.amountCents }]));
  return {
    quarter,
    nextQuarter: next,
    quarters: [previousQuarter(previousQuarter(quarterOf(context.today))), previousQuarter(quarterOf(context.today)), quarterOf(context.today), nextQuarter(quarterOf(context.today)), nextQuarter(nextQuarter(quarterOf(context.today)))],
    weekStart,
    sums,
    rates: retentionRates(sums),
    next: { sums: nextSums, rates: retentionRates(nextSums) },
    rollUp: rollUpSums(thisQuarter),
    rows: paged(rows, count, page, PER_PAGE),
    waterfall: weekWaterfall(previous, current),
    reasons,
    accuracy,
    options,
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
 */
export function forecastSumsSql(where: Prisma.Sql, nextStart: Date): Prisma.Sql {
  return Prisma.sql`
    WITH x AS (
      SELECT r."renewalDate", r."stage", r."amountCents" AS base, r."closedAmountCents" AS closed, a."csmId", u."name" AS "csmName",
        m."id" AS "managerId", m."name" AS "managerName", ${FLAT_CENTS_SQL} - r."amountCents" AS uplift, ${BUCKET_SQL} AS bucket, ${AMOUNT_SQL} AS amount,
        CASE WHEN r."stage" = 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) WHEN r."stage" = 'CLOSED_LOST' THEN 0
             WHEN ${CATEGORY_SQL} = 'OMITTED' THEN NULL ELSE ${AMOUNT_SQL} END AS expected
      FROM "RenewalOpportunity" r
      JOIN "Account" a ON a."id" = r."accountId"
      LEFT JOIN "User" u ON u."id" = a."csmId"
      LEFT JOIN "User" m ON m."id" = u."managerId"
      LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
      WHERE ${where}
    )
    SELECT x."renewalDate" >= ${nextStart}::date AS next, x."csmId", x."csmName", x."managerId", x."managerName", x.bucket,
      count(*)::int AS renewals, sum(x.base)::bigint AS "dueCents",
      sum(CASE x.bucket WHEN 'CLOSED_WON' THEN COALESCE(x.closed, 0) WHEN 'CLOSED_LOST' THEN x.base ELSE x.amount END)::bigint AS "bucketCents",
      COALESCE(sum(x.expected), 0)::bigint AS "expectedCents",
      COALESCE(sum(CASE WHEN x.expected IS NULL THEN 0 WHEN x.expected < x.base THEN x.expected ELSE x.base END), 0)::bigint AS "grossRetainedCents",
      COALESCE(sum(CASE WHEN x.expected IS NULL THEN 0 ELSE x.base END), 0)::bigint AS "forecastBaseCents",
      COALESCE(sum(CASE WHEN x.expected IS NULL OR x.expected <= x.base THEN 0 WHEN x.expected - x.base < x.uplift THEN x.expected - x.base ELSE x.uplift END), 0)::bigint AS "upliftExpectedCents"
    FROM x
    GROUP BY 1, 2, 3, 4, 5, 6`;
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

/** Each renewal of the quarter as it stands, for the changes since last week: the call in force, or what it closed at. */
export function weekStatesSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id", r."stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST') AS open, ${CATEGORY_SQL} AS category,
      CASE WHEN r."stage" = 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) WHEN r."stage" = 'CLOSED_LOST' THEN 0 ELSE ${AMOUNT_SQL} END AS "amountCents"
    FROM "RenewalOpportunity" r
    JOIN "Account" a ON a."id" = r."accountId"
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
    JOIN "Account" a ON a."id" = r."accountId"
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

/** Churn and contraction of the quarter from the ledger, by reason and addressable, with the accounts behind each. */
async function reasonSummary(actor: ActingUser, params: ForecastParams, quarter: string): Promise<ReasonSummary[]> {
  const rows = await prisma.$queryRaw<{ reason: string; addressable: boolean | null; accountId: string; accountName: string; lostCents: bigint }[]>(reasonSummarySql(actor, params, quarter));
  const groups = new Map<string, ReasonSummary>();
  for (const row of rows) {
    const key = `${row.reason}|${row.addressable}`;
    const group = groups.get(key) ?? { reason: row.reason || "No reason recorded", addressable: row.addressable, lostCents: 0n, accounts: [] };
    groups.set(key, group);
    group.lostCents += row.lostCents;
    group.accounts.push({ id: row.accountId, name: row.accountName, lostCents: row.lostCents });
  }
  const list = [...groups.values()];
  for (const group of list) group.accounts.sort((a, b) => (b.lostCents > a.lostCents ? 1 : b.lostCents < a.lostCents ? -1 : a.name.localeCompare(b.name)));
  return list.sort((a, b) => (b.lostCents > a.lostCents ? 1 : b.lostCents < a.lostCents ? -1 : a.reason.localeCompare(b.reason)));
}

interface ClosedRaw {
  id: string;
  accountName: string;
  renewalDate: Date;
  baseCents: bigint;
  won: boolean;
  closedAmountCents: bigint | null;
  segment: Segment;
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  w90: Date | null;
  c90: ForecastCategory | null;
  a90: bigint | null;
  l90: number | null;
  w30: Date | null;
  c30: ForecastCategory | null;
  a30: bigint | null;
  l30: number | null;
}

/**
 * Closed renewals of the trailing year with the snapshot that stood 90 and 30 days before each renewal date, on the
 * accounts `where` (aliased `a`) admits: the forecast page's cuts, or the dashboard's scope.
 */
export function closedHistorySql(where: Prisma.Sql, today: Date): Prisma.Sql {
  const at = (days: number, alias: string) => Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT s."weekStart", s."category", s."amountCents", s."likelihood" FROM "ForecastSnapshot" s
      WHERE s."renewalOpportunityId" = r."id" AND s."weekStart" <= r."renewalDate" - ${days}::int
      ORDER BY s."weekStart" DESC LIMIT 1
    ) ${Prisma.raw(alias)} ON TRUE`;
  return Prisma.sql`
    SELECT r."id", a."name" AS "accountName", r."renewalDate", r."amountCents" AS "baseCents", r."stage" = 'CLOSED_WON' AS won, r."closedAmountCents",
      a."segment", a."csmId", u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName",
      s90."weekStart" AS w90, s90."category"::text AS c90, s90."amountCents" AS a90, s90."likelihood" AS l90,
      s30."weekStart" AS w30, s30."category"::text AS c30, s30."amountCents" AS a30, s30."likelihood" AS l30
    FROM "RenewalOpportunity" r
    JOIN "Account" a ON a."id" = r."accountId"
    LEFT JOIN "User" u ON u."id" = a."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"
    ${at(90, "s90")}
    ${at(30, "s30")}
    WHERE r."stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND r."renewalDate" > ${addCalendarDays(today, -365)}::date AND r."renewalDate" <= ${today}::date
      AND ${where}`;
}

type History = ClosedHistory & { id: string; accountName: string; segment: Segment; csmId: string | null; csmName: string | null; managerId: string | null; managerName: string | null };

function toHistory(row: ClosedRaw): History {
  const snapshots: SnapshotPoint[] = [];
  const point = (weekStart: Date | null, category: ForecastCategory | null, amountCents: bigint | null, likelihood: number | null) => {
    if (weekStart && category && amountCents !== null && likelihood !== null && !snapshots.some((s) => s.weekStart.getTime() === weekStart.getTime())) snapshots.push({ weekStart, category, amountCents, likelihood });
  };
  point(row.w90, row.c90, row.a90, row.l90);
  point(row.w30, row.c30, row.a30, row.l30);
  return { ...row, renewalId: row.id, baseAmountCents: row.baseCents, closedAmountCents: row.won ? (row.closedAmountCents ?? 0n) : 0n, snapshots };
}

function group(key: string, name: string, histories: readonly History[]): AccuracyGroup {
  return { key, name, at90: accuracyAt(histories, 90), at30: accuracyAt(histories, 30), lateSurprises: lateSurprises(histories).length, brier: brierScore(histories, 90).score };
}

function groupBy(histories: readonly History[], keyOf: (h: History) => [string, string]): AccuracyGroup[] {
  const map = new Map<string, { name: string; rows: History[] }>();
  for (const history of histories) {
    const [key, name] = keyOf(history);
    const entry = map.get(key) ?? { name, rows: [] };
    map.set(key, entry);
    entry.rows.push(history);
  }
  return [...map.entries()].map(([key, entry]) => group(key, entry.name, entry.rows)).sort((a, b) => a.name.localeCompare(b.name));
}

const SEGMENT_NAMES: Record<Segment, string> = { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" };

export type ForecastAccuracy = ForecastPage["accuracy"];

/**
 * The accuracy of past forecasts on the accounts `where` (aliased `a`) admits, read by the forecast page (its cuts) and
 * the dashboard (its scope); always within what the forecast lets the actor see (a CSM their book; AEs refused).
 */
export async function forecastAccuracy(actor: ActingUser, where: Prisma.Sql, today: Date): Promise<ForecastAccuracy> {
  const rows = await prisma.$queryRaw<ClosedRaw[]>(closedHistorySql(Prisma.sql`${forecastScopeSql(actor)} AND ${where}`, today));
  const histories = rows.map(toHistory);
  return {
    company: group("company", "Company", histories),
    byCsm: groupBy(histories, (h) => [h.csmId ?? "", h.csmName ?? "Unassigned"]),
    byManager: groupBy(histories, (h) => [h.managerId ?? "", h.managerName ?? "No manager"]),
    bySegment: groupBy(histories, (h) => [h.segment, SEGMENT_NAMES[h.segment]]),
    surprises: lateSurprises(histories).map((h) => ({ id: h.id, accountName: h.accountName, renewalDate: h.renewalDate })),
  };
}

async function filterOptions(actor: ActingUser, params: ForecastParams): Promise<ForecastPage["options"]> {
  if (readsOwnForecastOnly(actor)) return { csm: null, ae: null };
  const [csm, ae] = await Promise.all([
    params.csm && params.csm !== "none" ? findFilterPerson(actor, "CSM", params.csm) : null,
    params.ae ? findFilterPerson(actor, "AE", params.ae) : null,
  ]);
  return { csm, ae };
}

