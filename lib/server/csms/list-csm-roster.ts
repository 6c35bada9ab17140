import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Segment } from "@/lib/generated/prisma/enums";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";

// The CSM roster: every active CSM's book against its profile's own limits, with what the assignment rules
// match on. Filtered, sorted and paged in SQL.

export const ROSTER_SORTS = ["name", "tier", "region", "accounts", "arr", "load", "nps", "retention"] as const;

// Opens on the fullest books first (load = accounts ÷ the limit in force): who cannot take another account.
export const rosterParams = z.object({
  ...pageParams,
  sort: z.enum(ROSTER_SORTS).catch("load"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  tier: z.enum(Segment).optional().catch(undefined),
  region: z.string().trim().min(1).max(50).optional().catch(undefined),
  /** A product id: only CSMs certified for it. */
  certification: z.string().trim().min(1).max(50).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type RosterParams = z.infer<typeof rosterParams>;

export interface RosterRow {
  userId: string;
  name: string;
  email: string;
  tier: Segment;
  segments: Segment[];
  industries: string[];
  products: string[];
  certifications: string[];
  region: string;
  timezone: string;
  languages: string[];
  npsScore: number;
  retentionRate: number;
  accounts: number;
  maxAccounts: number;
  arrCents: bigint;
  maxArrCents: bigint;
}

export interface RosterFilterOptions {
  regions: string[];
  certifications: { id: string; name: string }[];
}

export async function listCsmRoster(
  actor: ActingUser,
  params: RosterParams,
): Promise<Paged<RosterRow> & { options: RosterFilterOptions; thresholds: { medium: number; high: number } }> {
  assertRole(actor, ["CS_MANAGER", "ADMIN", "LEADERSHIP"]);
  const { scoring } = await getSettings();
  // A profile's own limits are its capacity (the tier values are only the defaults a new profile starts with).
  const maxAccounts = Prisma.sql`p."maxAccounts"`;
  const maxArr = Prisma.sql`p."maxArrCents"`;
  const order: Record<RosterParams["sort"], Prisma.Sql> = {
    name: Prisma.sql`u.name`,
    tier: Prisma.sql`p.tier`,
    region: Prisma.sql`p.region`,
    accounts: Prisma.sql`COALESCE(l.accounts, 0)`,
    arr: Prisma.sql`COALESCE(l."arrCents", 0)`,
    load: Prisma.sql`COALESCE(l.accounts, 0)::float8 / NULLIF(${maxAccounts}, 0)`,
    nps: Prisma.sql`p."npsScore"`,
    retention: Prisma.sql`p."retentionRate"`,
  };

  const filters: Prisma.Sql[] = [Prisma.sql`u.active`, Prisma.sql`u.role = 'CSM'`];
  if (params.tier) filters.push(Prisma.sql`p.tier = ${params.tier}::"Segment"`);
  if (params.region) filters.push(Prisma.sql`p.region = ${params.region}`);
  if (params.certification) {
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "CsmCertification" cc WHERE cc."csmProfileId" = p.id AND cc."productId" = ${params.certification})`);
  }
  if (params.q) filters.push(Prisma.sql`strpos(lower(u.name), lower(${params.q})) > 0`);
  const where = Prisma.join(filters, " AND ");
  const base = Prisma.sql`FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId"`;
  const from = Prisma.sql`
    ${base}
    LEFT JOIN "CsmBook" l ON l."csmId" = p."userId"`;
  const direction = Prisma.raw(params.dir === "desc" ? "DESC" : "ASC");

  const [rows, [total], regions, certifications] = await Promise.all([
    prisma.$queryRaw<RosterRow[]>`
      SELECT p."userId", u.name, u.email, p.tier::text AS tier, p.segments::text[] AS segments, p.industries, p.region, p.timezone,
             p.languages, p."npsScore"::float8 AS "npsScore", p."retentionRate"::float8 AS "retentionRate",
             COALESCE(l.accounts, 0)::int AS accounts, (${maxAccounts})::int AS "maxAccounts",
             COALESCE(l."arrCents", 0)::bigint AS "arrCents", (${maxArr})::bigint AS "maxArrCents",
             ARRAY(SELECT pr.name FROM "CsmProductExpertise" pe JOIN "Product" pr ON pr.id = pe."productId"
                   WHERE pe."csmProfileId" = p.id ORDER BY pr.name) AS products,
             ARRAY(SELECT pr.name FROM "CsmCertification" pc JOIN "Product" pr ON pr.id = pc."productId"
                   WHERE pc."csmProfileId" = p.id ORDER BY pr.name) AS certifications
      ${from}
      WHERE ${where}
      ORDER BY ${order[params.sort]} ${direction} NULLS LAST, u.name ASC, p."userId" ASC
      LIMIT ${pageArgs(params).take} OFFSET ${pageArgs(params).skip}`,
    prisma.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count ${base} WHERE ${where}`,
    prisma.csmProfile.findMany({ distinct: ["region"], orderBy: { region: "asc" }, select: { region: true } }),
    prisma.product.findMany({ where: { technical: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const data = rows.map((row) => ({ ...row, arrCents: BigInt(row.arrCents), maxArrCents: BigInt(row.maxArrCents) }));
  return {
    ...paged(data, total?.count ?? 0, params.page, params.perPage),
    options: { regions: regions.map((row) => row.region), certifications },
    thresholds: { medium: scoring.capacityMediumThreshold, high: scoring.capacityHighThreshold },
  };
}
