import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { daysBetween, toIsoDate } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { RenewalStage, RiskLevel, Segment } from "@/lib/generated/prisma/enums";
import { cursorParams, encodeCursor } from "@/lib/keyset";
import { pageParams, type KeysetPaged } from "@/lib/paging";
import { isQuarter, quarterOf, quarterRange } from "@/lib/renewals/quarter";
import { isClosedStage } from "@/lib/renewals/stages";
import { visibleAccountsSql } from "@/lib/server/accounts/access";
import { canManageAccount, seesEveryAccount } from "@/lib/server/accounts/permissions";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { keysetPaged, keysetWindowSql, readKeysetPage, type KeysetWindow, type SortKey } from "@/lib/server/db/keyset";
import { findFilterPerson, type PersonOption } from "@/lib/server/people/filter-people";
import { getSettings } from "@/lib/server/settings/get-settings";

// The renewal pipeline: every renewal opportunity the actor may see, filtered, sorted and paged in SQL.
// The CSV export runs the same query without the page, so it holds exactly the rows of the current view.

export const RENEWAL_ROLES = ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN", "AE"] as const;
// "action" (the default): open renewals first, soonest first (past-due ones on top), then closed ones, latest first.
export const RENEWAL_SORTS = ["action", "account", "renewalDate", "stage", "risk", "csm", "segment", "arr"] as const;

export const renewalListParams = z.object({
  ...pageParams,
  ...cursorParams,
  sort: z.enum(RENEWAL_SORTS).catch("action"),
  /** Open renewals due within this many days from today (the leadership home's "renewals in the next 90 days"). */
  due: z.coerce.number().int().min(1).max(366).optional().catch(undefined),
  quarter: z.string().refine(isQuarter).optional().catch(undefined),
  stage: z.enum(RenewalStage).optional().catch(undefined),
  risk: z.enum(RiskLevel).optional().catch(undefined),
  /** A CSM's user id, or "none" for renewals of accounts without a CSM. */
  csm: z.string().trim().min(1).max(40).optional().catch(undefined),
  segment: z.enum(Segment).optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
});
export type RenewalListParams = z.infer<typeof renewalListParams>;

export interface RenewalRow {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  renewalDate: Date;
  quarter: string;
  daysToRenewal: number;
  stage: RenewalStage;
  risk: RiskLevel | null;
  csmId: string | null;
  csmName: string | null;
  segment: Segment;
  amountCents: bigint;
  closedAmountCents: bigint | null;
  contractTermMonths: number;
  /** Whether the actor may move this renewal's stage. */
  canMove: boolean;
}

interface RawRow {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  renewalDate: Date;
  stage: RenewalStage;
  risk: RiskLevel | null;
  csmId: string | null;
  csmName: string | null;
  segment: Segment;
  amountCents: bigint;
  closedAmountCents: bigint | null;
  contractTermMonths: number;
  /** The first sort key as text, for the cursor. */
  sortKey: string | null;
}

// The risk is the renewal's stored copy of its account's current level (RenewalOpportunity.riskLevel, kept by the
// database); the enum sorts LOW < MEDIUM < HIGH. Every sort ends with the renewal date and id, so the order is total
// and a cursor (the last row's keys) names one place in it.
const CLOSED = Prisma.sql`r."stage" IN ('CLOSED_WON', 'CLOSED_LOST')`;
const SORT_COLUMNS: Record<Exclude<(typeof RENEWAL_SORTS)[number], "action">, Omit<SortKey, "dir">> = {
  account: { expr: Prisma.sql`a."name"` },
  renewalDate: { expr: Prisma.sql`r."renewalDate"`, cast: "::date" },
  stage: { expr: Prisma.sql`r."stage"`, cast: '::"RenewalStage"' },
  risk: { expr: Prisma.sql`r."riskLevel"`, nullable: true, cast: '::"RiskLevel"' },
  csm: { expr: Prisma.sql`u."name"`, nullable: true },
  segment: { expr: Prisma.sql`a."segment"`, cast: '::"Segment"' },
  arr: { expr: Prisma.sql`r."amountCents"`, cast: "::bigint" },
};

/**
 * "action" is the stored RenewalOpportunity.actionOrder (open soonest first, then closed latest first: the
 * renewal_list_keyset migration), read from its index; any other column sorts in its direction, NULLs last.
 */
function sortKeys(params: RenewalListParams): SortKey[] {
  const id: SortKey = { expr: Prisma.sql`r."id"`, dir: "asc" };
  if (params.sort === "action") return [{ expr: Prisma.sql`r."actionOrder"`, dir: "asc", cast: "::int" }, id];
  return [{ ...SORT_COLUMNS[params.sort], dir: params.dir }, { expr: Prisma.sql`r."renewalDate"`, dir: "asc", cast: "::date" }, id];
}

function cursorOf(params: RenewalListParams, row: RawRow): string {
  const keys = params.sort === "action" ? [row.sortKey, row.id] : [row.sortKey, toIsoDate(row.renewalDate), row.id];
  return encodeCursor(keys);
}

const FROM = Prisma.sql`
  FROM "RenewalOpportunity" r
  JOIN "Account" a ON a."id" = r."accountId"
  LEFT JOIN "User" u ON u."id" = a."csmId"`;

function conditionsOf(actor: ActingUser, params: RenewalListParams, today: Date): { parts: Prisma.Sql[]; readsAccount: boolean } {
  const visible = seesEveryAccount(actor) ? [] : [visibleAccountsSql(actor)];
  const parts: Prisma.Sql[] = [...visible];
  if (params.due) {
    parts.push(Prisma.sql`NOT (${CLOSED}) AND r."renewalDate" >= ${today}::date AND r."renewalDate" <= ${addCalendarDays(today, params.due)}::date`);
  }
  if (params.quarter) {
    const { start, end } = quarterRange(params.quarter);
    parts.push(Prisma.sql`r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date`);
  }
  if (params.stage) parts.push(Prisma.sql`r."stage" = ${params.stage}::"RenewalStage"`);
  if (params.risk) parts.push(Prisma.sql`r."riskLevel" = ${params.risk}::"RiskLevel"`);
  if (params.csm === "none") parts.push(Prisma.sql`a."csmId" IS NULL`);
  else if (params.csm) parts.push(Prisma.sql`a."csmId" = ${params.csm}`);
  if (params.segment) parts.push(Prisma.sql`a."segment" = ${params.segment}::"Segment"`);
  if (params.q) {
    // The renewal's name or its account's, each half from its trigram index, united (as the deal search).
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`r."id" IN (
      SELECT m."id" FROM "RenewalOpportunity" m WHERE m."name" ILIKE ${pattern}
      UNION SELECT m."id" FROM "Account" x JOIN "RenewalOpportunity" m ON m."accountId" = x."id" WHERE x."name" ILIKE ${pattern})`);
  }
  return { parts, readsAccount: visible.length > 0 || Boolean(params.csm || params.segment) };
}

const whereOf = (parts: readonly Prisma.Sql[]): Prisma.Sql => (parts.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`);

async function queryRows(actor: ActingUser, params: RenewalListParams, today: Date, window: KeysetWindow | null): Promise<RawRow[]> {
  const keys = sortKeys(params);
  const { parts } = conditionsOf(actor, params, today);
  const { condition, order, limit, backwards } = keysetWindowSql(keys, window);
  if (condition) parts.push(condition);
  const rows = await prisma.$queryRaw<RawRow[]>`
    SELECT r."id", r."name", a."id" AS "accountId", a."name" AS "accountName", r."renewalDate", r."stage"::text AS "stage",
           r."riskLevel"::text AS "risk", a."csmId", u."name" AS "csmName", a."segment"::text AS "segment",
           r."amountCents", r."closedAmountCents", r."contractTermMonths", (${keys[0]!.expr})::text AS "sortKey"
    ${FROM}
    ${whereOf(parts)}
    ORDER BY ${order}
    ${limit}`;
  return backwards ? rows.reverse() : rows;
}

/** The count joins the accounts only when a condition reads them (every renewal has its account). */
async function countRows(actor: ActingUser, params: RenewalListParams, today: Date): Promise<number> {
  const { parts, readsAccount } = conditionsOf(actor, params, today);
  const from = readsAccount ? Prisma.sql`FROM "RenewalOpportunity" r JOIN "Account" a ON a."id" = r."accountId"` : Prisma.sql`FROM "RenewalOpportunity" r`;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${from} ${whereOf(parts)}`;
  return row?.count ?? 0;
}

async function companyTodayOf(now: Date): Promise<Date> {
  const { calendar } = await getSettings();
  return companyToday(now, calendar.timezone);
}

function toRows(actor: ActingUser, rows: RawRow[], today: Date): RenewalRow[] {
  return rows.map(({ sortKey: _sortKey, ...row }) => ({
    ...row,
    quarter: quarterOf(row.renewalDate),
    daysToRenewal: daysBetween(today, row.renewalDate),
    canMove: !isClosedStage(row.stage) && canManageAccount(actor, { csmId: row.csmId }),
  }));
}

/**
 * The quarters that have renewals the actor may see. Seeing every account, it hops from quarter to quarter down the
 * renewalDate index (one probe per quarter) instead of reading every renewal; a CSM's or AE's few are read directly.
 */
async function listQuarters(actor: ActingUser): Promise<{ quarter: string }[]> {
  if (!seesEveryAccount(actor)) {
    return prisma.$queryRaw<{ quarter: string }[]>`
      SELECT DISTINCT to_char(r."renewalDate", 'YYYY-"Q"Q') AS quarter
      FROM "RenewalOpportunity" r JOIN "Account" a ON a."id" = r."accountId"
      WHERE ${visibleAccountsSql(actor)} ORDER BY 1`;
  }
  return prisma.$queryRaw<{ quarter: string }[]>`
    WITH RECURSIVE q(day) AS (
      SELECT min(r."renewalDate") FROM "RenewalOpportunity" r
      UNION ALL
      SELECT (SELECT min(r."renewalDate") FROM "RenewalOpportunity" r
              WHERE r."renewalDate" >= (date_trunc('quarter', q.day) + interval '3 months')::date)
      FROM q WHERE q.day IS NOT NULL
    )
    SELECT to_char(q.day, 'YYYY-"Q"Q') AS quarter FROM q WHERE q.day IS NOT NULL ORDER BY 1`;
}

export interface RenewalPipeline {
  page: KeysetPaged<RenewalRow>;
  quarters: string[];
  /** The CSM the list is filtered by, named for the picker (null: none, or one the actor may not filter by). */
  csm: PersonOption | null;
  /** The reasons a close lost or a downsell may give (rule settings). */
  lossReasons: string[];
}

export async function listRenewals(actor: ActingUser, params: RenewalListParams, now = new Date()): Promise<RenewalPipeline> {
  assertRole(actor, RENEWAL_ROLES);
  const today = await companyTodayOf(now);
  const [read, count, quarters, csm, settings] = await Promise.all([
    readKeysetPage(params, (window) => queryRows(actor, params, today, window)),
    countRows(actor, params, today),
    listQuarters(actor),
    params.csm && params.csm !== "none" ? findFilterPerson(actor, "CSM", params.csm) : null,
    getSettings(),
  ]);
  return {
    lossReasons: settings.revenue.lossReasons,
    page: keysetPaged(read, toRows(actor, read.rows, today), count, params, (row) => cursorOf(params, row)),
    quarters: quarters.map((row) => row.quarter),
    csm,
  };
}

/** Every row of the current view (all pages), for the CSV export. */
export async function listAllRenewals(actor: ActingUser, params: RenewalListParams, now = new Date()): Promise<RenewalRow[]> {
  assertRole(actor, RENEWAL_ROLES);
  const today = await companyTodayOf(now);
  return toRows(actor, await queryRows(actor, params, today, null), today);
}
