import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { joinParts, type DashboardScope } from "@/lib/server/dashboard/scope";

// Load = the higher of accounts ÷ max accounts and ARR ÷ max ARR, per CSM, against their own profile's limits.
// Buckets: exactly 100 % is still within capacity; only above it is over.
export const LOAD_BUCKETS = [
  { label: "Under 50%", sql: Prisma.sql`l.load < 0.5` },
  { label: "50–80%", sql: Prisma.sql`l.load >= 0.5 AND l.load < 0.8` },
  { label: "80–90%", sql: Prisma.sql`l.load >= 0.8 AND l.load < 0.9` },
  { label: "90–100%", sql: Prisma.sql`l.load >= 0.9 AND l.load <= 1` },
  { label: "Over 100%", sql: Prisma.sql`l.load > 1` },
] as const;

const TOP = 12;

export interface CsmLoadRow {
  csmId: string;
  name: string;
  tier: Segment;
  accounts: number;
  maxAccounts: number;
  arrCents: bigint;
  maxArrCents: bigint;
  load: number;
}

export interface CsmLoad {
  csms: number;
  accounts: number;
  arrCents: bigint;
  buckets: { label: string; csms: number }[];
  /** The most loaded CSMs, highest first. */
  top: CsmLoadRow[];
}

/**
 * Each CSM's book within the cut: without an AE cut, CsmSegmentLoad's rows (dashboard_measure_summaries migration: per
 * CSM and segment, the accounts whose csmId is the CSM and their ARR, moved by the database with every account write),
 * one to three per CSM whatever the size of the books; with an AE cut, the accounts themselves, counted in one pass
 * grouped by CSM (grouping the join of profiles, users and accounts sorted every account with the CSM's columns).
 * `raw` forces the accounts (the summary's check). Columns: csmId, accounts, arr.
 */
function booksSql(scope: DashboardScope, raw: boolean): Prisma.Sql {
  if (!scope.aeId && !raw) {
    const cut: Prisma.Sql[] = [];
    if (scope.segment) cut.push(Prisma.sql`AND l."segment" = ${scope.segment}::"Segment"`);
    if (scope.csmId) cut.push(Prisma.sql`AND l."csmId" = ${scope.csmId}`);
    if (scope.teamOf) cut.push(Prisma.sql`AND l."csmId" IN (SELECT t."id" FROM "User" t WHERE t."managerId" = ${scope.teamOf})`);
    return Prisma.sql`SELECT l."csmId", sum(l."accounts") AS accounts, sum(l."arrCents") AS arr FROM "CsmSegmentLoad" l
                      WHERE TRUE ${joinParts(cut)} GROUP BY l."csmId"`;
  }
  const accountCut: Prisma.Sql[] = [];
  if (scope.segment) accountCut.push(Prisma.sql`AND a."segment" = ${scope.segment}::"Segment"`);
  if (scope.aeId) accountCut.push(Prisma.sql`AND a."aeId" = ${scope.aeId}`);
  // The same CSM cut on the accounts, so a team's or a CSM's books are counted from their own index range.
  if (scope.csmId) accountCut.push(Prisma.sql`AND a."csmId" = ${scope.csmId}`);
  if (scope.teamOf) accountCut.push(Prisma.sql`AND a."csmId" IN (SELECT t."id" FROM "User" t WHERE t."managerId" = ${scope.teamOf})`);
  return Prisma.sql`SELECT a."csmId", count(*) AS accounts, sum(a."arrCents") AS arr FROM "Account" a
                    WHERE a."csmId" IS NOT NULL ${joinParts(accountCut)} GROUP BY a."csmId"`;
}

/** One row per active CSM in scope with their book within the cut. Columns: csm_id, name, tier, accounts, arr, max…, load. */
export function csmLoadRowsSql(scope: DashboardScope, raw = false): Prisma.Sql {
  const csmCut: Prisma.Sql[] = [];
  if (scope.csmId) csmCut.push(Prisma.sql`AND u."id" = ${scope.csmId}`);
  if (scope.teamOf) csmCut.push(Prisma.sql`AND u."managerId" = ${scope.teamOf}`);
  // With a segment or AE cut, CSMs with none of those accounts drop out (a segment's own tier stays listed).
  const having = scope.aeId
    ? Prisma.sql`AND coalesce(b.accounts, 0) > 0`
    : scope.segment
      ? Prisma.sql`AND (coalesce(b.accounts, 0) > 0 OR p."tier" = ${scope.segment}::"Segment")`
      : Prisma.empty;
  return Prisma.sql`
    SELECT u."id" AS csm_id, u."name", p."tier", coalesce(b.accounts, 0)::int AS accounts, p."maxAccounts" AS max_accounts,
           coalesce(b.arr, 0)::bigint AS arr, p."maxArrCents" AS max_arr,
           greatest(coalesce(b.accounts, 0)::numeric / nullif(p."maxAccounts", 0),
                    coalesce(b.arr, 0)::numeric / nullif(p."maxArrCents", 0), 0)::float8 AS load
    FROM "CsmProfile" p
    JOIN "User" u ON u."id" = p."userId"
    LEFT JOIN (${booksSql(scope, raw)}) b ON b."csmId" = u."id"
    WHERE u."active" ${joinParts(csmCut)} ${having}`;
}

/** `raw`: the books counted from the accounts (a check of the summary). */
export function csmLoadQuery(scope: DashboardScope, raw = false): Prisma.Sql {
  const buckets = LOAD_BUCKETS.map((bucket, index) => Prisma.sql`count(*) FILTER (WHERE ${bucket.sql})::int AS ${Prisma.raw(`b${index}`)}`);
  return Prisma.sql`
    WITH l AS (${csmLoadRowsSql(scope, raw)})
    SELECT count(*)::int AS csms, coalesce(sum(l.accounts), 0)::int AS accounts, coalesce(sum(l.arr), 0)::bigint AS arr,
           ${Prisma.join(buckets)},
           (SELECT coalesce(json_agg(json_build_object('csmId', t.csm_id, 'name', t.name, 'tier', t.tier, 'accounts', t.accounts,
                                                       'maxAccounts', t.max_accounts, 'arr', t.arr::text, 'maxArr', t.max_arr::text, 'load', t.load)
                                     ORDER BY t.load DESC, t.name), '[]'::json)
            FROM (SELECT * FROM l ORDER BY l.load DESC, l.name LIMIT ${TOP}) t) AS top
    FROM l`;
}

interface TopJson {
  csmId: string;
  name: string;
  tier: Segment;
  accounts: number;
  maxAccounts: number;
  arr: string;
  maxArr: string;
  load: number;
}

export async function getCsmLoad(context: DashboardContext): Promise<CsmLoad> {
  const scope = scopeOf(context, "dashboard");
  const [row] = await prisma.$queryRaw<(Record<string, number> & { arr: bigint; top: TopJson[] })[]>(csmLoadQuery(scope));
  return {
    csms: row?.csms ?? 0,
    accounts: row?.accounts ?? 0,
    arrCents: row?.arr ?? 0n,
    buckets: LOAD_BUCKETS.map((bucket, index) => ({ label: bucket.label, csms: row?.[`b${index}`] ?? 0 })),
    top: (row?.top ?? []).map((entry) => ({
      csmId: entry.csmId,
      name: entry.name,
      tier: entry.tier,
      accounts: entry.accounts,
      maxAccounts: entry.maxAccounts,
      arrCents: BigInt(entry.arr),
      maxArrCents: BigInt(entry.maxArr),
      load: entry.load,
    })),
  };
}
