import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { daysBetween } from "@/lib/dates";
import { effectiveForecast, type ForecastCall, type StoredForecast } from "@/lib/forecast/categories";
import { likelihood, type Likelihood, type LikelihoodStage } from "@/lib/forecast/likelihood";
import type { ForecastSettings } from "@/lib/forecast/settings";
import { decisionDate, defaultForecast, upliftCents } from "@/lib/forecast/terms";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ForecastCategory, ForecastOutcome, RenewalStage, Segment } from "@/lib/generated/prisma/enums";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";

// Each renewal as the forecast sees it: contract terms, the stored call and override, the signals Baton's likelihood
// reads, and the people it rolls up under — one query for the page, the renewal page, the snapshot and checkpoint jobs.

export interface ForecastRenewal {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  segment: Segment;
  stage: RenewalStage;
  open: boolean;
  renewalDate: Date;
  decisionDate: Date;
  autoRenew: boolean;
  noticeDays: number | null;
  upliftPct: number;
  contractTermMonths: number;
  baseCents: bigint;
  upliftCents: bigint;
  closedAmountCents: bigint | null;
  lossReason: string | null;
  lossAddressable: boolean | null;
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  aeId: string | null;
  aeName: string | null;
  /** The stored call with its override, or null when nobody called it yet. */
  stored: (StoredForecast & { nextStep: string; nextStepDate: Date | null; setByName: string | null; setAt: Date; overrideReason: string | null; overrideByName: string | null; overrideAt: Date | null }) | null;
  /** The forecast in force: override, else the CSM's call, else Pipeline flat. */
  call: ForecastCall & { overridden: boolean; set: boolean };
  likelihood: Likelihood;
}

interface Raw {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  segment: Segment;
  stage: RenewalStage;
  renewalDate: Date;
  autoRenew: boolean;
  noticeDays: number | null;
  upliftPct: number;
  contractTermMonths: number;
  amountCents: bigint;
  closedAmountCents: bigint | null;
  lossReason: string | null;
  lossAddressable: boolean | null;
  healthScore: number;
  usagePct: number;
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  aeId: string | null;
  aeName: string | null;
  riskLevel: "LOW" | "MEDIUM" | "HIGH" | null;
  highRiskFactors: number | null;
  overdueTouchpoints: number;
  missedHandoffSla: boolean;
  fCategory: ForecastCategory | null;
  fAmountCents: bigint | null;
  fOutcome: ForecastOutcome | null;
  fNextStep: string | null;
  fNextStepDate: Date | null;
  fSetAt: Date | null;
  fSetByName: string | null;
  oCategory: ForecastCategory | null;
  oAmountCents: bigint | null;
  oOutcome: ForecastOutcome | null;
  oReason: string | null;
  oByName: string | null;
  oAt: Date | null;
}

/** `where`: conditions on r (renewal), a (account) and f (its forecast), already scoped by the caller; `page`: a slice. */
export function forecastRowsSql(where: Prisma.Sql, today: Date, now: Date, page?: { take: number; skip: number }): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id", r."name", a."id" AS "accountId", a."name" AS "accountName", a."segment", r."stage", r."renewalDate",
      r."autoRenew", r."noticeDays", r."upliftPct"::float8 AS "upliftPct", r."contractTermMonths", r."amountCents", r."closedAmountCents",
      r."lossReason", r."lossAddressable", a."healthScore", a."usagePct"::float8 AS "usagePct",
      a."csmId", u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName", a."aeId", ae."name" AS "aeName",
      risk."overall"::text AS "riskLevel", risk."high" AS "highRiskFactors",
      (SELECT count(*)::int FROM "Touchpoint" t WHERE t."accountId" = a."id" AND t."status" = 'PLANNED' AND t."dueDate" < ${today}::date) AS "overdueTouchpoints",
      EXISTS (SELECT 1 FROM "Handoff" h WHERE h."accountId" = a."id"
        AND (h."completedWithinSla" = FALSE OR (h."status" IN ('IN_PROGRESS', 'SUBMITTED') AND h."dueAt" < ${now}))) AS "missedHandoffSla",
      f."category" AS "fCategory", f."amountCents" AS "fAmountCents", f."outcome" AS "fOutcome", f."nextStep" AS "fNextStep",
      f."nextStepDate" AS "fNextStepDate", f."setAt" AS "fSetAt", sb."name" AS "fSetByName",
      f."overrideCategory" AS "oCategory", f."overrideAmountCents" AS "oAmountCents", f."overrideOutcome" AS "oOutcome",
      f."overrideReason" AS "oReason", ob."name" AS "oByName", f."overrideAt" AS "oAt"
    FROM ${page ? Prisma.sql`(${pageIdsSql(where, page)}) p JOIN "RenewalOpportunity" r ON r."id" = p."id"` : Prisma.sql`"RenewalOpportunity" r`}
    JOIN "Account" a ON a."id" = r."accountId"
    LEFT JOIN "User" u ON u."id" = a."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"
    LEFT JOIN "User" ae ON ae."id" = a."aeId"
    LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
    LEFT JOIN "User" sb ON sb."id" = f."setById"
    LEFT JOIN "User" ob ON ob."id" = f."overrideById"
    LEFT JOIN LATERAL (
      SELECT x."overall",
        (SELECT count(*)::int FROM jsonb_array_elements(CASE WHEN jsonb_typeof(x."factors") = 'array' THEN x."factors" ELSE '[]'::jsonb END) e WHERE e->>'level' = 'HIGH') AS "high"
      FROM "RiskAssessment" x WHERE x."accountId" = a."id" ORDER BY x."createdAt" DESC, x."id" DESC LIMIT 1
    ) risk ON TRUE
    ${page ? Prisma.empty : Prisma.sql`WHERE ${where}`}
    ORDER BY ${ORDER}`;
}

const ORDER = Prisma.sql`r."renewalDate" ASC, a."name" ASC, r."id" ASC`;

/**
 * A page's renewals chosen first, on the few columns the filter and the order need; only those get the risk, the
 * touchpoints and the names (decorating every renewal of a quarter before the LIMIT looked up each one's latest risk).
 */
function pageIdsSql(where: Prisma.Sql, page: { take: number; skip: number }): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id" FROM "RenewalOpportunity" r
    JOIN "Account" a ON a."id" = r."accountId"
    LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
    WHERE ${where}
    ORDER BY ${ORDER}
    LIMIT ${page.take} OFFSET ${page.skip}`;
}

/** The flat amount in SQL, to the cent as lib/forecast/terms.ts rounds it (half up). */
export const FLAT_CENTS_SQL = Prisma.sql`((r."amountCents" * (10000 + round(r."upliftPct" * 100)::bigint) + 5000) / 10000)`;
/** The forecast's category in force in SQL: the override, else the CSM's call, else Pipeline. */
export const CATEGORY_SQL = Prisma.sql`(CASE WHEN f."overrideCategory" IS NOT NULL THEN f."overrideCategory"::text ELSE COALESCE(f."category"::text, 'PIPELINE') END)`;
/** Its amount: the override's (else the call's), the call's, else flat with the uplift. */
export const AMOUNT_SQL = Prisma.sql`(CASE WHEN f."overrideCategory" IS NOT NULL THEN COALESCE(f."overrideAmountCents", f."amountCents") WHEN f."renewalOpportunityId" IS NULL THEN ${FLAT_CENTS_SQL} ELSE f."amountCents" END)`;
/** The roll-up's bucket: the closed outcome, else the category in force. */
export const BUCKET_SQL = Prisma.sql`(CASE WHEN r."stage" IN ('CLOSED_WON', 'CLOSED_LOST') THEN r."stage"::text ELSE ${CATEGORY_SQL} END)`;

export function toForecastRenewal(row: Raw, today: Date, settings: ForecastSettings): ForecastRenewal {
  const terms = { renewalDate: row.renewalDate, noticeDays: row.noticeDays, autoRenew: row.autoRenew, upliftPct: row.upliftPct, amountCents: row.amountCents };
  const decision = decisionDate(terms);
  const open = OPEN_RENEWAL_STAGES.includes(row.stage);
  const stored =
    row.fCategory && row.fAmountCents !== null && row.fOutcome && row.fSetAt
      ? {
          category: row.fCategory,
          amountCents: row.fAmountCents,
          outcome: row.fOutcome,
          overrideCategory: row.oCategory,
          overrideAmountCents: row.oAmountCents,
          overrideOutcome: row.oOutcome,
          nextStep: row.fNextStep ?? "",
          nextStepDate: row.fNextStepDate,
          setByName: row.fSetByName,
          setAt: row.fSetAt,
          overrideReason: row.oReason,
          overrideByName: row.oByName,
          overrideAt: row.oAt,
        }
      : null;
  const call = stored ? { ...effectiveForecast(stored), set: true } : { ...defaultForecast(terms), overridden: false, set: false };
  const stage: LikelihoodStage = open ? (row.stage as LikelihoodStage) : "COMMITTED";
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    accountName: row.accountName,
    segment: row.segment,
    stage: row.stage,
    open,
    renewalDate: row.renewalDate,
    decisionDate: decision,
    autoRenew: row.autoRenew,
    noticeDays: row.noticeDays,
    upliftPct: row.upliftPct,
    contractTermMonths: row.contractTermMonths,
    baseCents: row.amountCents,
    upliftCents: upliftCents(terms),
    closedAmountCents: row.closedAmountCents,
    lossReason: row.lossReason,
    lossAddressable: row.lossAddressable,
    csmId: row.csmId,
    csmName: row.csmName,
    managerId: row.managerId,
    managerName: row.managerName,
    aeId: row.aeId,
    aeName: row.aeName,
    stored,
    call,
    likelihood: likelihood(
      {
        riskLevel: row.riskLevel,
        highRiskFactors: row.highRiskFactors ?? 0,
        healthScore: row.healthScore,
        usagePct: row.usagePct,
        stage,
        daysToDecision: daysBetween(today, decision),
        overdueTouchpoints: row.overdueTouchpoints,
        missedHandoffSla: row.missedHandoffSla,
      },
      settings.likelihood,
    ),
  };
}

export async function readForecastRows(where: Prisma.Sql, context: { today: Date; now: Date; settings: ForecastSettings }, tx: Tx = prisma, page?: { take: number; skip: number }): Promise<ForecastRenewal[]> {
  const rows = await tx.$queryRaw<Raw[]>(forecastRowsSql(where, context.today, context.now, page));
  return rows.map((row) => toForecastRenewal(row, context.today, context.settings));
}
