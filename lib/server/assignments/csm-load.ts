import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CsmInput } from "@/lib/assignment/types";

// The CSMs as the suggestion engine sees them: profile, expertise, certifications and current book.
//
// A CSM's book is the count and the ARR of the accounts whose csmId is the CSM. An account's ARR is
// Account.arrCents (the sum of its ARR movements); an account that has closed-won business but no movement
// yet (the closed-won flow wrote the deal before the first movement) counts at that business's ARR, so a
// freshly assigned new customer weighs on the book at once and concurrent approvals cannot overfill it.

/** SQL for the ARR an account adds to its CSM's book; `alias` names the "Account" row. */
export function bookArrSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`CASE WHEN ${a}."arrCents" = 0 AND NOT EXISTS (SELECT 1 FROM "ArrMovement" bm WHERE bm."accountId" = ${a}.id)
    THEN COALESCE((SELECT SUM(bd."amountCents") FROM "Deal" bd
                   WHERE bd."accountId" = ${a}.id AND bd.stage = 'CLOSED_WON' AND bd.type IN ('NEW', 'EXPANSION')), 0)
    ELSE ${a}."arrCents" END`;
}

export interface BookLoad {
  accounts: number;
  arrCents: bigint;
}

/** Current book per CSM; `excludeAccountId` leaves out the account being assigned. */
export async function bookLoads(tx: Tx, userIds: readonly string[], excludeAccountId?: string): Promise<Map<string, BookLoad>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ csmId: string; accounts: number; arrCents: bigint }[]>`
    SELECT a."csmId", COUNT(*)::int AS accounts, COALESCE(SUM(${bookArrSql("a")}), 0)::bigint AS "arrCents"
    FROM "Account" a
    WHERE a."csmId" = ANY(${[...userIds]}::text[]) AND a.id <> ${excludeAccountId ?? ""}
    GROUP BY a."csmId"`;
  return new Map(rows.map((row) => [row.csmId, { accounts: row.accounts, arrCents: BigInt(row.arrCents) }]));
}

/** The ARR one account adds to a book (see bookArrSql). */
export async function accountBookArr(tx: Tx, accountId: string): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ arrCents: bigint }[]>`
    SELECT (${bookArrSql("a")})::bigint AS "arrCents" FROM "Account" a WHERE a.id = ${accountId}`;
  return BigInt(row?.arrCents ?? 0n);
}

/**
 * Active CSMs with a profile, as engine inputs with their current load, in a stable order (name, then id)
 * so excluded CSMs are listed the same way every time. `userIds` narrows to those CSMs.
 */
export async function loadCsmInputs(tx: Tx, options: { userIds?: readonly string[]; excludeAccountId?: string } = {}): Promise<CsmInput[]> {
  const profiles = await tx.csmProfile.findMany({
    where: {
      user: { active: true, role: "CSM" },
      ...(options.userIds ? { userId: { in: [...options.userIds] } } : {}),
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: {
      userId: true,
      tier: true,
      maxAccounts: true,
      maxArrCents: true,
      segments: true,
      industries: true,
      region: true,
      timezone: true,
      languages: true,
      npsScore: true,
      retentionRate: true,
      user: { select: { name: true } },
      productExpertise: { select: { productId: true } },
      certifications: { select: { productId: true } },
    },
  });
  const loads = await bookLoads(tx, profiles.map((profile) => profile.userId), options.excludeAccountId);
  return profiles.map((profile) => {
    const load = loads.get(profile.userId);
    return {
      userId: profile.userId,
      name: profile.user.name,
      tier: profile.tier,
      maxAccounts: profile.maxAccounts,
      maxArrCents: profile.maxArrCents,
      segments: profile.segments,
      industries: profile.industries,
      productIds: profile.productExpertise.map((entry) => entry.productId),
      certifiedProductIds: profile.certifications.map((entry) => entry.productId),
      region: profile.region,
      timezone: profile.timezone,
      languages: profile.languages,
      npsScore: Number(profile.npsScore),
      retentionRate: Number(profile.retentionRate),
      currentAccounts: load?.accounts ?? 0,
      currentArrCents: load?.arrCents ?? 0n,
    };
  });
}
