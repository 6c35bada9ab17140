import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { daysBetween } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { RenewalStage, RiskLevel, Segment } from "@/lib/generated/prisma/enums";
import { pageParams, paged, type Paged } from "@/lib/paging";
import { isQuarter, quarterOf, quarterRange } from "@/lib/renewals/quarter";
import { isClosedStage } from "@/lib/renewals/stages";
import { visibleAccountsSql } from "@/lib/server/accounts/access";
import { canManageAccount, seesEveryAccount, seesOwnBookOnly } from "@/lib/server/accounts/permissions";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";

// The renewal pipeline: every renewal opportunity the actor may see, filtered, sorted and paged in SQL.
// The CSV export runs the same query without the page, so it holds exactly the rows of the current view.

export const RENEWAL_ROLES = ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN", "AE"] as const;
// "action" (the default): open renewals first, soonest first (past-due ones on top), then closed ones, latest first.
export const RENEWAL_SORTS = ["action", "account", "renewalDate", "stage", "risk", "csm", "segment", "arr"] as const;

export const renewalListParams = z.object({
  ...pageParams,
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
}

// The risk is the renewal's stored copy of its account's current level (RenewalOpportunity.riskLevel, kept by the
// database); the enum sorts LOW < MEDIUM < HIGH.
const CLOSED = Prisma.sql`r."stage" IN ('CLOSED_WON', 'CLOSED_LOST')`;
const SORT_COLUMNS: Record<Exclude<(typeof RENEWAL_SORTS)[number], "action">, Prisma.Sql> = {
  account: Prisma.sql`a."name"`,
  renewalDate: Prisma.sql`r."renewalDate"`,
  stage: Prisma.sql`r."stage"`,
  risk: Prisma.sql`r."riskLevel"`,
  csm: Prisma.sql`u."name"`,
  segment: Prisma.sql`a."segment"`,
  arr: Prisma.sql`r."amountCents"`,
};

const FROM = Prisma.sql`
  FROM "RenewalOpportunity" r
  JOIN "Account" a ON a."id" = r."accountId"
  LEFT JOIN "User" u ON u."id" = a."csmId"`;

function whereOf(actor: ActingUser, params: RenewalListParams, today: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleAccountsSql(actor)];
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
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(a."name" ILIKE ${pattern} OR r."name" ILIKE ${pattern})`);
  }
  return Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;
}

function orderOf(params: RenewalListParams): Prisma.Sql {
  if (params.sort === "action") {
    return Prisma.sql`(${CLOSED}) ASC, CASE WHEN ${CLOSED} THEN NULL ELSE r."renewalDate" END ASC, r."renewalDate" DESC, r."id" ASC`;
  }
  const dir = Prisma.raw(params.dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`${SORT_COLUMNS[params.sort]} ${dir} NULLS LAST, r."renewalDate" ASC, r."id" ASC`;
}

async function queryRows(actor: ActingUser, params: RenewalListParams, today: Date, page: { limit: number; offset: number } | null): Promise<RawRow[]> {
  const limit = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  return prisma.$queryRaw<RawRow[]>`
    SELECT r."id", r."name", a."id" AS "accountId", a."name" AS "accountName", r."renewalDate", r."stage"::text AS "stage",
           r."riskLevel"::text AS "risk", a."csmId", u."name" AS "csmName", a."segment"::text AS "segment",
           r."amountCents", r."closedAmountCents", r."contractTermMonths"
    ${FROM}
    ${whereOf(actor, params, today)}
    ORDER BY ${orderOf(params)}
    ${limit}`;
}

async function companyTodayOf(now: Date): Promise<Date> {
  const { calendar } = await getSettings();
  return companyToday(now, calendar.timezone);
}

function toRows(actor: ActingUser, rows: RawRow[], today: Date): RenewalRow[] {
  return rows.map((row) => ({
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
  page: Paged<RenewalRow>;
  quarters: string[];
  csms: { id: string; name: string }[];
  /** The reasons a close lost or a downsell may give (rule settings). */
  lossReasons: string[];
}

export async function listRenewals(actor: ActingUser, params: RenewalListParams, now = new Date()): Promise<RenewalPipeline> {
  assertRole(actor, RENEWAL_ROLES);
  const today = await companyTodayOf(now);
  const [rows, [count], quarters, csms, settings] = await Promise.all([
    queryRows(actor, params, today, { limit: params.perPage, offset: (params.page - 1) * params.perPage }),
    prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${FROM} ${whereOf(actor, params, today)}`,
    listQuarters(actor),
    seesOwnBookOnly(actor) ? [] : prisma.user.findMany({ where: { role: "CSM" }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    getSettings(),
  ]);
  return {
    lossReasons: settings.revenue.lossReasons,
    page: paged(toRows(actor, rows, today), count?.count ?? 0, params.page, params.perPage),
    quarters: quarters.map((row) => row.quarter),
    csms,
  };
}

/** Every row of the current view (all pages), for the CSV export. */
export async function listAllRenewals(actor: ActingUser, params: RenewalListParams, now = new Date()): Promise<RenewalRow[]> {
  assertRole(actor, RENEWAL_ROLES);
  const today = await companyTodayOf(now);
  return toRows(actor, await queryRows(actor, params, today, null), today);
}
