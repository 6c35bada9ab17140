import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DrillColumn, DrillTableId } from "@/lib/dashboard/drill-columns";
import type { Period } from "@/lib/dashboard/period";
import type { Settings } from "@/lib/settings/schema";
import { accountConditions, type DashboardScope } from "@/lib/server/dashboard/scope";
import { renewalsDueFrom } from "@/lib/server/dashboard/get-renewal-visibility";
import { ttfvAccountsSql } from "@/lib/server/dashboard/get-time-to-first-value";
import { handoffsFrom } from "@/lib/server/dashboard/get-handoff-measures";
import { csmLoadRowsSql } from "@/lib/server/dashboard/get-csm-load";
import { openExpansionDealsFrom } from "@/lib/server/dashboard/get-expansion-pipeline";
import { creditedMovementsFrom } from "@/lib/server/dashboard/get-expansion-credit";
import { windowFrom } from "@/lib/server/metrics/retention-series";
import { BRIDGE_TERMS } from "@/lib/server/dashboard/get-arr-bridge";

// The rows behind each number on the dashboard. Every table is built from the same FROM/WHERE as its measure, so
// its totals are the measure's own sums (tested).

export interface DrillInput {
  scope: DashboardScope;
  period: Period;
  settings: Settings;
  renewalWindow: { from: Date; until: Date };
  handoffWindow: { from: Date; until: Date };
  /** A CSM (csm-accounts) or an AE (credit-movements) to narrow to. */
  focus?: string;
}

export interface DrillTable {
  title: string;
  /** The dashboard number these rows add up to. */
  adds: string;
  access: "dashboard" | "credit";
  /** As of today: the period does not apply. */
  pointInTime?: boolean;
  columns: DrillColumn[];
  defaultSort: string;
  defaultDir: "asc" | "desc";
  rows: (input: DrillInput) => Prisma.Sql;
}

const SIGNED = Prisma.sql`CASE WHEN m."type" IN ('NEW', 'EXPANSION') THEN m."amountCents"
                               WHEN m."type" IN ('CONTRACTION', 'CHURN') THEN -m."amountCents" ELSE 0 END`;
// Names by scalar subquery, so each table can reuse its measure's FROM … WHERE unchanged.
const CSM_NAME = Prisma.sql`(SELECT cu."name" FROM "User" cu WHERE cu."id" = a."bookCsmId")`;
const CURRENT_CSM_NAME = Prisma.sql`(SELECT cu."name" FROM "User" cu WHERE cu."id" = a."csmId")`;
const AE_NAME = Prisma.sql`(SELECT au."name" FROM "User" au WHERE au."id" = a."aeId")`;
const account = { key: "account", label: "Account", kind: "text", sortable: true } as const;
const segment = { key: "segment", label: "Segment", kind: "enum", sortable: true } as const;
const csm = { key: "csm", label: "CSM", kind: "text", sortable: true } as const;
const ae = { key: "ae", label: "AE", kind: "text", sortable: true } as const;

export const DRILL_TABLES: Record<DrillTableId, DrillTable> = {
  "retention-accounts": {
    title: "Cohort accounts",
    adds: "Σ start = the GRR and NRR denominator, Σ min(end, start) = the GRR numerator, Σ end = the NRR numerator",
    access: "dashboard",
    columns: [
      account, segment, csm, ae,
      { key: "start", label: "Start ARR", kind: "cents", sortable: true, total: true },
      { key: "retained", label: "Retained (min of start and end)", kind: "cents", sortable: true, total: true },
      { key: "end", label: "End ARR", kind: "cents", sortable: true, total: true },
      { key: "change", label: "Change", kind: "cents", sortable: true, total: true },
      { key: "outcome", label: "Outcome", kind: "enum", sortable: true },
      { key: "still_customer", label: "Still a customer", kind: "bool", total: true },
    ],
    defaultSort: "change",
    defaultDir: "asc",
    rows: ({ scope, period }) => Prisma.sql`
      SELECT a."id", a."name" AS account, a."segment"::text AS segment, ${CSM_NAME} AS csm, ${AE_NAME} AS ae,
             w.start_cents AS start, w.retained_cents AS retained, w.end_cents AS "end", w.end_cents - w.start_cents AS change,
             CASE WHEN w.end_cents = 0 THEN 'Churned' WHEN w.end_cents < w.start_cents THEN 'Contracted'
                  WHEN w.end_cents > w.start_cents THEN 'Expanded' ELSE 'Flat' END AS outcome,
             w.end_cents > 0 AS still_customer
      FROM "AccountArrSeries" s
      JOIN "Account" a ON a."id" = s."accountId"
      ${windowFrom(period)}
      WHERE w.cohort = 1 ${accountConditions(scope)}`,
  },
  "retention-movements": {
    title: "Movements of cohort accounts in the period",
    adds: "Σ effect = Σ end − Σ start of the cohort (expansion − contraction − churn)",
    access: "dashboard",
    columns: [
      { key: "date", label: "Date", kind: "date", sortable: true },
      account,
      { key: "type", label: "Type", kind: "enum", sortable: true },
      { key: "amount", label: "Amount", kind: "cents", sortable: true },
      { key: "effect", label: "Effect on ARR", kind: "cents", sortable: true, total: true },
    ],
    defaultSort: "date",
    defaultDir: "asc",
    rows: ({ scope, period }) => Prisma.sql`
      SELECT m."id", m."date", a."name" AS account, m."type"::text AS type, m."amountCents" AS amount, ${SIGNED} AS effect
      FROM "ArrMovement" m
      JOIN "AccountArrSeries" s ON s."accountId" = m."accountId"
      JOIN "Account" a ON a."id" = m."accountId"
      WHERE m."date" BETWEEN ${period.start}::date AND ${period.end}::date
        AND dashboard_arr_at(s."firstMonth", s."monthEndCents", ${period.firstMonth - 1}::int) > 0 ${accountConditions(scope)}`,
  },
  "bridge-movements": {
    title: "ARR movements in the period",
    adds: "Σ effect = ending ARR − starting ARR (new + expansion − contraction − churn); narrowed to one term, Σ amount = that term of the bridge",
    access: "dashboard",
    columns: [
      { key: "date", label: "Date", kind: "date", sortable: true },
      account, segment,
      { key: "type", label: "Type", kind: "enum", sortable: true },
      { key: "amount", label: "Amount", kind: "cents", sortable: true, total: true },
      { key: "effect", label: "Effect on ARR", kind: "cents", sortable: true, total: true },
      { key: "reason", label: "Reason", kind: "text", sortable: true },
      { key: "addressable", label: "Addressable", kind: "bool", sortable: true },
      { key: "deal", label: "Deal", kind: "text", sortable: true },
    ],
    defaultSort: "date",
    defaultDir: "asc",
    // `focus` narrows to one term of the bridge (NEW, EXPANSION, CONTRACTION, CHURN).
    rows: ({ scope, period, focus }) => Prisma.sql`
      SELECT m."id", m."date", a."name" AS account, a."segment"::text AS segment, m."type"::text AS type, m."amountCents" AS amount,
             ${SIGNED} AS effect, m."reason", m."addressable", (SELECT d."externalId" FROM "Deal" d WHERE d."id" = m."sourceDealId") AS deal
      FROM "ArrMovement" m
      JOIN "Account" a ON a."id" = m."accountId"
      WHERE m."date" BETWEEN ${period.start}::date AND ${period.end}::date AND m."type" <> 'RENEWAL'
        ${focus && (BRIDGE_TERMS as readonly string[]).includes(focus) ? Prisma.sql`AND m."type" = ${focus}::"ArrMovementType"` : Prisma.empty}
        ${accountConditions(scope)}`,
  },
  "renewals-due": {
    title: "Renewals due in the next 90 days",
    pointInTime: true,
    adds: "rows = renewals due; Σ visible = visible renewals",
    access: "dashboard",
    columns: [
      { key: "renewal_date", label: "Contract ends", kind: "date", sortable: true },
      account, segment, csm,
      { key: "amount", label: "ARR", kind: "cents", sortable: true, total: true },
      { key: "opportunity", label: "Renewal opportunity", kind: "enum", sortable: true },
      { key: "visible", label: "Visible", kind: "bool", sortable: true, total: true },
    ],
    defaultSort: "renewal_date",
    defaultDir: "asc",
    rows: ({ scope, renewalWindow }) => Prisma.sql`
      SELECT d."id", d."contractEnd" AS renewal_date, a."name" AS account, a."segment"::text AS segment, ${CURRENT_CSM_NAME} AS csm,
             d."amountCents" AS amount, coalesce(r."stage"::text, 'Missing') AS opportunity,
             (r."id" IS NOT NULL AND a."csmId" IS NOT NULL) AS visible
      ${renewalsDueFrom(scope, renewalWindow.from, renewalWindow.until)}`,
  },
  "ttfv-accounts": {
    title: "Accounts closed in the period",
    adds: "rows = accounts closed; Σ reached = accounts that reached first value (the median is over their days)",
    access: "dashboard",
    columns: [
      account, segment, csm,
      { key: "closed_on", label: "Closed", kind: "date", sortable: true },
      { key: "first_value", label: "First value", kind: "date", sortable: true },
      { key: "days", label: "Days to first value", kind: "int", sortable: true },
      { key: "reached", label: "Reached", kind: "bool", total: true },
    ],
    defaultSort: "days",
    defaultDir: "desc",
    rows: ({ scope, period }) => Prisma.sql`
      SELECT a."id", a."name" AS account, a."segment"::text AS segment, ${CSM_NAME} AS csm, a.closed_on,
             a."firstValueAt" AS first_value, a.days, a.days IS NOT NULL AS reached
      FROM (${ttfvAccountsSql(scope, period)}) a`,
  },
  handoffs: {
    title: "Handoffs started in the period",
    adds: "Σ within SLA ÷ Σ completed = handoff SLA; Σ rating ÷ Σ rated = satisfaction",
    access: "dashboard",
    columns: [
      { key: "started", label: "Started", kind: "datetime", sortable: true },
      account,
      { key: "type", label: "Type", kind: "enum", sortable: true },
      { key: "completed", label: "Completed", kind: "bool", total: true },
      { key: "within_sla", label: "Within SLA", kind: "bool", total: true },
      { key: "rated", label: "Rated", kind: "bool", total: true },
      { key: "rating", label: "Rating", kind: "int", sortable: true, total: true },
    ],
    defaultSort: "started",
    defaultDir: "desc",
    rows: ({ scope, handoffWindow }) => Prisma.sql`
      SELECT h."id", h."startedAt" AS started, a."name" AS account, h."type"::text AS type,
             h."completedAt" IS NOT NULL AS completed, (h."completedAt" IS NOT NULL AND coalesce(h."completedWithinSla", false)) AS within_sla,
             h."rating" IS NOT NULL AS rated, h."rating"
      ${handoffsFrom(scope, handoffWindow.from, handoffWindow.until, true)}`,
  },
  "csm-load": {
    title: "CSM load",
    pointInTime: true,
    adds: "Σ accounts and Σ ARR = the books in the cut",
    access: "dashboard",
    columns: [
      { key: "name", label: "CSM", kind: "text", sortable: true, linkTo: "csm-accounts" },
      { key: "tier", label: "Tier", kind: "enum", sortable: true },
      { key: "accounts", label: "Accounts", kind: "int", sortable: true, total: true },
      { key: "max_accounts", label: "Max accounts", kind: "int", sortable: true },
      { key: "arr", label: "ARR", kind: "cents", sortable: true, total: true },
      { key: "max_arr", label: "Max ARR", kind: "cents", sortable: true },
      { key: "load", label: "Load", kind: "percent", sortable: true },
    ],
    defaultSort: "load",
    defaultDir: "desc",
    rows: ({ scope }) => Prisma.sql`SELECT l.csm_id AS "id", l.name, l.tier::text AS tier, l.accounts, l.max_accounts, l.arr, l.max_arr, l.load
                                   FROM (${csmLoadRowsSql(scope)}) l`,
  },
  "csm-accounts": {
    title: "Accounts in CSM books",
    pointInTime: true,
    adds: "rows = accounts; Σ ARR = the CSM's ARR in the load table",
    access: "dashboard",
    columns: [account, segment, csm, ae, { key: "arr", label: "ARR", kind: "cents", sortable: true, total: true }],
    defaultSort: "arr",
    defaultDir: "desc",
    rows: ({ scope, focus }) => Prisma.sql`
      SELECT a."id", a."name" AS account, a."segment"::text AS segment, ${CSM_NAME} AS csm, ${AE_NAME} AS ae, a."arrCents" AS arr
      FROM "Account" a
      WHERE a."csmId" IN (SELECT p."userId" FROM "CsmProfile" p JOIN "User" cu ON cu."id" = p."userId" WHERE cu."active") ${focus ? Prisma.sql`AND a."csmId" = ${focus}` : Prisma.empty} ${accountConditions(scope)}`,
  },
  "expansion-deals": {
    title: "Open expansion deals",
    pointInTime: true,
    adds: "Σ ARR = the open expansion pipeline",
    access: "dashboard",
    columns: [
      { key: "deal", label: "Deal", kind: "text", sortable: true },
      account,
      { key: "stage", label: "Stage", kind: "enum", sortable: true },
      { key: "close_date", label: "Expected close", kind: "date", sortable: true },
      { key: "owner", label: "Owner", kind: "text", sortable: true },
      { key: "amount", label: "ARR", kind: "cents", sortable: true, total: true },
    ],
    defaultSort: "amount",
    defaultDir: "desc",
    rows: ({ scope }) => Prisma.sql`
      SELECT d."id", d."name" AS deal, a."name" AS account, d."stage"::text AS stage, d."closeDate" AS close_date,
             (SELECT ou."name" FROM "User" ou WHERE ou."id" = d."ownerId") AS owner, d."amountCents" AS amount
      ${openExpansionDealsFrom(scope, true)}`,
  },
  "expansion-potential": {
    title: "Identified expansion potential",
    pointInTime: true,
    adds: "Σ potential = the identified potential",
    access: "dashboard",
    columns: [account, segment, csm, { key: "arr", label: "ARR", kind: "cents", sortable: true, total: true },
      { key: "potential", label: "Expansion potential", kind: "cents", sortable: true, total: true }],
    defaultSort: "potential",
    defaultDir: "desc",
    rows: ({ scope }) => Prisma.sql`
      SELECT a."id", a."name" AS account, a."segment"::text AS segment, ${CSM_NAME} AS csm, a."arrCents" AS arr,
             a."expansionPotentialCents" AS potential
      FROM "Account" a
      WHERE a."arrCents" > 0 AND a."expansionPotentialCents" > 0 ${accountConditions(scope)}`,
  },
  "credit-movements": {
    title: "Expansion movements earning AE credit",
    adds: "Σ amount = the AE's expansion ARR; the credit is the rate applied to that total",
    access: "credit",
    columns: [
      { key: "date", label: "Date", kind: "date", sortable: true },
      account, ae,
      { key: "signed_on", label: "Initial signing", kind: "date", sortable: true },
      { key: "amount", label: "Expansion ARR", kind: "cents", sortable: true, total: true },
    ],
    defaultSort: "date",
    defaultDir: "asc",
    rows: ({ scope, period, settings, focus }) => Prisma.sql`
      SELECT m."id", m."date", a."name" AS account, ${AE_NAME} AS ae, w.signed_on, m."amountCents" AS amount
      ${creditedMovementsFrom(focus ? { ...scope, aeId: scope.aeId ?? focus } : scope, period, settings.expansionCredit.windowMonths)}`,
  },
};
