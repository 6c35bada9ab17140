import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { countRatio } from "@/lib/dashboard/ratio";
import { accountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

/** SPEC.md: renewal visibility "at 90 days". */
export const RENEWAL_VISIBILITY_DAYS = 90;

export interface RenewalVisibility {
  from: Date;
  until: Date;
  due: number;
  visible: number;
  withoutCsm: number;
  withoutOpportunity: number;
  dueArrCents: bigint;
  visibleArrCents: bigint;
  visibility: number | null;
}

export function renewalWindow(today: Date): { from: Date; until: Date } {
  return { from: today, until: new Date(today.getTime() + RENEWAL_VISIBILITY_DAYS * 86_400_000) };
}

/**
 * The renewals due: closed-won contracts ending in the window (Deal."contractEnd", kept by the database).
 * Visible = it has its renewal opportunity and the account has a CSM.
 */
export function renewalsDueFrom(scope: DashboardScope, from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    FROM "Deal" d
    JOIN "Account" a ON a."id" = d."accountId"
    LEFT JOIN "RenewalOpportunity" r ON r."originalDealId" = d."id"
    WHERE d."stage" = 'CLOSED_WON' AND d."contractEnd" BETWEEN ${from}::date AND ${until}::date ${accountConditions(scope)}`;
}

/** The figures from the deals themselves: a CSM's, team's or AE's cut (their own index ranges), and the summary's check. */
export function renewalVisibilityRawQuery(scope: DashboardScope, from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS due,
           count(*) FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL)::int AS visible,
           count(*) FILTER (WHERE a."csmId" IS NULL)::int AS without_csm,
           count(*) FILTER (WHERE r."id" IS NULL)::int AS without_opportunity,
           coalesce(sum(d."amountCents"), 0)::bigint AS due_arr,
           coalesce(sum(d."amountCents") FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL), 0)::bigint AS visible_arr
    ${renewalsDueFrom(scope, from, until)}`;
}

/**
 * The whole company or a segment adds up the window's days of RenewalDueDay (dashboard_measure_summaries migration:
 * the same figures per contract-end day and segment, kept by the database): ~90 × 3 rows whatever the number of deals.
 */
export function renewalVisibilityQuery(scope: DashboardScope, from: Date, until: Date): Prisma.Sql {
  if (narrowsAccounts(scope)) return renewalVisibilityRawQuery(scope, from, until);
  return Prisma.sql`
    SELECT coalesce(sum(s."due"), 0)::int AS due, coalesce(sum(s."visible"), 0)::int AS visible,
           coalesce(sum(s."withoutCsm"), 0)::int AS without_csm, coalesce(sum(s."withoutOpportunity"), 0)::int AS without_opportunity,
           coalesce(sum(s."dueArrCents"), 0)::bigint AS due_arr, coalesce(sum(s."visibleArrCents"), 0)::bigint AS visible_arr
    FROM "RenewalDueDay" s
    WHERE s."day" BETWEEN ${from}::date AND ${until}::date ${scope.segment ? Prisma.sql`AND s."segment" = ${scope.segment}::"Segment"` : Prisma.empty}`;
}

export async function getRenewalVisibility(context: DashboardContext): Promise<RenewalVisibility> {
  const scope = scopeOf(context, "dashboard");
  const { today } = context;
  const { from, until } = renewalWindow(today);
  const [row] = await prisma.$queryRaw<
    { due: number; visible: number; without_csm: number; without_opportunity: number; due_arr: bigint; visible_arr: bigint }[]
  >(renewalVisibilityQuery(scope, from, until));
  const due = row?.due ?? 0;
  const visible = row?.visible ?? 0;
  return {
    from,
    until,
    due,
    visible,
    withoutCsm: row?.without_csm ?? 0,
    withoutOpportunity: row?.without_opportunity ?? 0,
    dueArrCents: row?.due_arr ?? 0n,
    visibleArrCents: row?.visible_arr ?? 0n,
    visibility: countRatio(visible, due),
  };
}
