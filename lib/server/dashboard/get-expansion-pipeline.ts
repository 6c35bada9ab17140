import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DealStage } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { accountConditions, hasAccountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

export const OPEN_STAGES: readonly DealStage[] = ["PROSPECTING", "DISCOVERY", "PROPOSAL", "NEGOTIATION"];

export interface ExpansionPipeline {
  openDeals: number;
  openArrCents: bigint;
  byStage: { stage: DealStage; deals: number; arrCents: bigint }[];
  potentialAccounts: number;
  potentialCents: bigint;
}

/** Open expansion deals; the account (`a`) is joined when the cut needs it or the caller reads it. */
export function openExpansionDealsFrom(scope: DashboardScope, withAccount = hasAccountConditions(scope)): Prisma.Sql {
  return Prisma.sql`
    FROM "Deal" d
    ${withAccount ? Prisma.sql`JOIN "Account" a ON a."id" = d."accountId"` : Prisma.empty}
    WHERE d."type" = 'EXPANSION'
      AND d."stage" IN (${Prisma.join(OPEN_STAGES.map((stage) => Prisma.sql`${stage}::"DealStage"`))}) ${accountConditions(scope)}`;
}

/** The figures from the deals and accounts themselves: a CSM's, team's or AE's cut, and the summaries' check. */
export function expansionPipelineRawQuery(scope: DashboardScope): Prisma.Sql {
  const stages = OPEN_STAGES.map(
    (stage, index) => Prisma.sql`
      count(*) FILTER (WHERE d."stage" = ${stage}::"DealStage")::int AS ${Prisma.raw(`n${index}`)},
      coalesce(sum(d."amountCents") FILTER (WHERE d."stage" = ${stage}::"DealStage"), 0)::bigint AS ${Prisma.raw(`c${index}`)}`,
  );
  return Prisma.sql`
    WITH deals AS (SELECT ${Prisma.join(stages)} ${openExpansionDealsFrom(scope)}),
         potential AS (
           SELECT count(*) FILTER (WHERE a."expansionPotentialCents" > 0)::int AS potential_accounts,
                  coalesce(sum(a."expansionPotentialCents"), 0)::bigint AS potential
           FROM "Account" a WHERE a."arrCents" > 0 ${accountConditions(scope)})
    SELECT * FROM deals, potential`;
}

/**
 * The whole company or a segment reads ExpansionPipelineStage and ExpansionPotentialSegment (dashboard_measure_summaries
 * migration: open expansion deals per segment and stage, the potential of paying accounts per segment; kept by the
 * database), at most 12 and 3 rows.
 */
export function expansionPipelineQuery(scope: DashboardScope): Prisma.Sql {
  if (narrowsAccounts(scope)) return expansionPipelineRawQuery(scope);
  const segment = (alias: string) =>
    scope.segment ? Prisma.sql`WHERE ${Prisma.raw(alias)}."segment" = ${scope.segment}::"Segment"` : Prisma.empty;
  const stages = OPEN_STAGES.map(
    (stage, index) => Prisma.sql`
      coalesce(sum(s."deals") FILTER (WHERE s."stage" = ${stage}::"DealStage"), 0)::int AS ${Prisma.raw(`n${index}`)},
      coalesce(sum(s."amountCents") FILTER (WHERE s."stage" = ${stage}::"DealStage"), 0)::bigint AS ${Prisma.raw(`c${index}`)}`,
  );
  return Prisma.sql`
    WITH deals AS (SELECT ${Prisma.join(stages)} FROM "ExpansionPipelineStage" s ${segment("s")}),
         potential AS (
           SELECT coalesce(sum(p."accounts"), 0)::int AS potential_accounts, coalesce(sum(p."potentialCents"), 0)::bigint AS potential
           FROM "ExpansionPotentialSegment" p ${segment("p")})
    SELECT * FROM deals, potential`;
}

/** Open expansion deals by stage, and the expansion potential CSMs recorded on paying accounts. */
export async function getExpansionPipeline(context: DashboardContext): Promise<ExpansionPipeline> {
  const scope = scopeOf(context, "dashboard");
  const [row] = await prisma.$queryRaw<Record<string, number | bigint>[]>(expansionPipelineQuery(scope));
  const byStage = OPEN_STAGES.map((stage, index) => ({
    stage,
    deals: Number(row?.[`n${index}`] ?? 0),
    arrCents: BigInt(row?.[`c${index}`] ?? 0n),
  }));
  return {
    openDeals: byStage.reduce((sum, entry) => sum + entry.deals, 0),
    openArrCents: byStage.reduce((sum, entry) => sum + entry.arrCents, 0n),
    byStage,
    potentialAccounts: Number(row?.potential_accounts ?? 0),
    potentialCents: BigInt(row?.potential ?? 0n),
  };
}
