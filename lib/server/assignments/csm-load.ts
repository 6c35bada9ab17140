import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CsmInput, Segment } from "@/lib/assignment/types";
import { deepFreeze, stampSql, StampedCache } from "@/lib/server/cache-version";

// The CSMs as the suggestion engine sees them: profile, expertise, certifications and current book.
//
// A CSM's book is the count and the ARR of the accounts whose csmId is the CSM. An account's ARR is
// Account.arrCents (the sum of its ARR movements); an account that has closed-won business but no movement
// yet (the closed-won flow wrote the deal before the first movement) counts at that business's ARR, so a
// freshly assigned new customer weighs on the book at once and concurrent approvals cannot overfill it.
// The database keeps both: Account.bookArrCents per account and CsmBook per CSM (csm_book_counters migration),
// so a suggestion reads 1,000 counters instead of aggregating every booked account.

export interface BookLoad {
  accounts: number;
  arrCents: bigint;
}

/** Current book per CSM; `excludeAccountId` leaves out the account being assigned. */
export async function bookLoads(tx: Tx, userIds: readonly string[], excludeAccountId?: string): Promise<Map<string, BookLoad>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ csmId: string; accounts: number; arrCents: bigint }[]>`
    SELECT b."csmId", (b.accounts - CASE WHEN x.id IS NULL THEN 0 ELSE 1 END)::int AS accounts,
           (b."arrCents" - COALESCE(x."bookArrCents", 0))::bigint AS "arrCents"
    FROM "CsmBook" b
    LEFT JOIN "Account" x ON x.id = ${excludeAccountId ?? ""} AND x."csmId" = b."csmId"
    WHERE b."csmId" = ANY(${[...userIds]}::text[]) AND b.accounts > CASE WHEN x.id IS NULL THEN 0 ELSE 1 END`;
  return new Map(rows.map((row) => [row.csmId, { accounts: row.accounts, arrCents: BigInt(row.arrCents) }]));
}

/** A CSM as the engine sees them, less their book: what the roster cache keeps. */
type CsmProfileInput = Omit<CsmInput, "currentAccounts" | "currentArrCents">;

// The profiles of every active CSM, kept per roster stamp (lib/server/cache-version.ts): profiles, expertise,
// certifications and the users' name, role and active flag change rarely, and any write to them moves the stamp, so
// a suggestion reads the stamp with the book counters (one statement) and the 1,000 profiles only after a change.
const roster = new StampedCache<readonly CsmProfileInput[]>();

// userId, name, tier, maxAccounts, maxArrCents, segments, industries, region, timezone, languages, npsScore,
// retentionRate, productIds, certifiedProductIds — the first 14 entries of a ProfileRow.
const profileColumns = Prisma.sql`
  p."userId", u.name, p.tier, p."maxAccounts", p."maxArrCents"::text, p.segments, p.industries, p.region, p.timezone,
  p.languages, p."npsScore"::text, p."retentionRate"::text,
  ARRAY(SELECT pe."productId" FROM "CsmProductExpertise" pe WHERE pe."csmProfileId" = p.id),
  ARRAY(SELECT pc."productId" FROM "CsmCertification" pc WHERE pc."csmProfileId" = p.id)`;

/**
 * Active CSMs with a profile, as engine inputs with their current load, in a stable order (name, then id)
 * so excluded CSMs are listed the same way every time. `userIds` narrows to those CSMs, read as they are now
 * (the approval's re-check after the CSM's profile lock, the review page); every active CSM comes from the roster
 * cache with the counters read fresh.
 */
export async function loadCsmInputs(tx: Tx, options: { userIds?: readonly string[]; excludeAccountId?: string } = {}): Promise<CsmInput[]> {
  const excluded = options.excludeAccountId ?? "";
  if (options.userIds) {
    // One statement, its rows as one JSON text, with the expertise and certifications as arrays and the book from the
    // counters (less the account being assigned, when it is in that book).
    const [result] = await tx.$queryRaw<{ rows: string }[]>`
      SELECT COALESCE(json_agg(json_build_array(${profileColumns},
               COALESCE(b.accounts, 0) - CASE WHEN x.id IS NULL THEN 0 ELSE 1 END,
               (COALESCE(b."arrCents", 0) - COALESCE(x."bookArrCents", 0))::text
             ) ORDER BY u.name ASC, p."userId" ASC), '[]')::text AS rows
      FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId"
      LEFT JOIN "CsmBook" b ON b."csmId" = p."userId"
      LEFT JOIN "Account" x ON x.id = ${excluded} AND x."csmId" = p."userId"
      WHERE u.active AND u.role = 'CSM' AND p."userId" = ANY(${[...options.userIds]}::text[])`;
    return (JSON.parse(result?.rows ?? "[]") as ProfileRow[]).map((row) => withBook(toProfile(row), row[14], row[15]));
  }

  // The stamp and every counter (less the account being assigned) in one statement, as [csmId, accounts, arrCents].
  const [counters] = await tx.$queryRaw<{ stamp: string | null; books: string }[]>`
    SELECT ${stampSql("csm_roster")} AS stamp,
           COALESCE(json_agg(json_build_array(b."csmId", b.accounts - CASE WHEN x.id IS NULL THEN 0 ELSE 1 END,
             (b."arrCents" - COALESCE(x."bookArrCents", 0))::text)), '[]')::text AS books
    FROM "CsmBook" b LEFT JOIN "Account" x ON x.id = ${excluded} AND x."csmId" = b."csmId"`;
  let profiles = roster.get(counters!.stamp);
  if (!profiles) {
    const [result] = await tx.$queryRaw<{ stamp: string | null; rows: string }[]>`
      SELECT ${stampSql("csm_roster")} AS stamp,
             COALESCE(json_agg(json_build_array(${profileColumns}) ORDER BY u.name ASC, p."userId" ASC), '[]')::text AS rows
      FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId"
      WHERE u.active AND u.role = 'CSM'`;
    profiles = deepFreeze((JSON.parse(result!.rows) as ProfileRow[]).map(toProfile));
    roster.set(result!.stamp, profiles);
  }
  const books = new Map((JSON.parse(counters!.books) as [string, number, string][]).map(([csmId, accounts, arrCents]) => [csmId, { accounts, arrCents }]));
  return profiles.map((profile) => {
    const book = books.get(profile.userId);
    return withBook(profile, book?.accounts ?? 0, book?.arrCents ?? "0");
  });
}

function toProfile([userId, name, tier, maxAccounts, maxArrCents, segments, industries, region, timezone, languages, npsScore, retentionRate, productIds, certifiedProductIds]: ProfileRow): CsmProfileInput {
  return {
    userId,
    name,
    tier,
    maxAccounts,
    maxArrCents: BigInt(maxArrCents),
    segments,
    industries,
    productIds,
    certifiedProductIds,
    region,
    timezone,
    languages,
    npsScore: Number(npsScore),
    retentionRate: Number(retentionRate),
  };
}

function withBook(profile: CsmProfileInput, accounts: number, arrCents: string): CsmInput {
  return { ...profile, currentAccounts: accounts, currentArrCents: BigInt(arrCents) };
}

/** userId, name, tier, maxAccounts, maxArrCents, segments, industries, region, timezone, languages, npsScore, retentionRate, productIds, certifiedProductIds, accounts, arrCents */
type ProfileRow = [string, string, Segment, number, string, Segment[], string[], string, string, string[], string, string, string[], string[], number, string];
