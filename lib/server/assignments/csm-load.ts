import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { indexProfiles, type ProfileIndex } from "@/lib/assignment/csm-index";
import type { AssignmentRules, CsmBookInput, CsmInput, CsmProfileInput, Segment } from "@/lib/assignment/types";
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

// The profiles of every active CSM and the engine's index of them, kept per roster stamp (lib/server/cache-version.ts):
// profiles, expertise, certifications and the users' name, role and active flag change rarely, and any write to them
// moves the stamp, so a suggestion reads the stamp with the book counters (one statement) and the 1,000 profiles only
// after a change. The index is rebuilt when the rules change (getSettings hands out one frozen object per settings
// stamp, so a new object is a new version).
interface RosterEntry {
  profiles: readonly CsmProfileInput[];
  index: ProfileIndex | null;
}
const roster = new StampedCache<RosterEntry>();

// userId, name, tier, maxAccounts, maxArrCents, segments, industries, region, timezone, languages, npsScore,
// retentionRate, productIds, certifiedProductIds — the first 14 entries of a ProfileRow.
const profileColumns = Prisma.sql`
  p."userId", u.name, p.tier, p."maxAccounts", p."maxArrCents"::text, p.segments, p.industries, p.region, p.timezone,
  p.languages, p."npsScore"::text, p."retentionRate"::text,
  ARRAY(SELECT pe."productId" FROM "CsmProductExpertise" pe WHERE pe."csmProfileId" = p.id),
  ARRAY(SELECT pc."productId" FROM "CsmCertification" pc WHERE pc."csmProfileId" = p.id)`;

/**
 * These active CSMs with a profile, as engine inputs with their current load, read as they are now (the approval's
 * re-check after the CSM's profile lock, the review page), by name then id. `excludeAccountId` leaves that account
 * out of its CSM's book.
 */
export async function loadCsmInputs(tx: Tx, options: { userIds: readonly string[]; excludeAccountId?: string }): Promise<CsmInput[]> {
  // One statement, its rows as one JSON text, with the expertise and certifications as arrays and the book from the
  // counters (less the account being assigned, when it is in that book).
  const [result] = await tx.$queryRaw<{ rows: string }[]>`
    SELECT COALESCE(json_agg(json_build_array(${profileColumns},
             COALESCE(b.accounts, 0) - CASE WHEN x.id IS NULL THEN 0 ELSE 1 END,
             (COALESCE(b."arrCents", 0) - COALESCE(x."bookArrCents", 0))::text
           ) ORDER BY u.name ASC, p."userId" ASC), '[]')::text AS rows
    FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId"
    LEFT JOIN "CsmBook" b ON b."csmId" = p."userId"
    LEFT JOIN "Account" x ON x.id = ${options.excludeAccountId ?? ""} AND x."csmId" = p."userId"
    WHERE u.active AND u.role = 'CSM' AND p."userId" = ANY(${[...options.userIds]}::text[])`;
  return (JSON.parse(result?.rows ?? "[]") as ProfileRow[]).map((row) => ({ ...toProfile(row), currentAccounts: row[14], currentArrCents: BigInt(row[15]) }));
}

export interface CsmRoster {
  /** Every active CSM with a profile, by name then id, indexed for the rules given. */
  index: ProfileIndex;
  /** Their current books, position by position (the account being assigned left out). */
  books: CsmBookInput[];
}

/** Every active CSM for a suggestion: the profiles from the roster cache, the books from the counters as they are now. */
export async function loadCsmRoster(tx: Tx, rules: AssignmentRules, options: { excludeAccountId?: string } = {}): Promise<CsmRoster> {
  // The stamp and every counter (less the account being assigned) in one statement, as [csmId, accounts, arrCents].
  const [counters] = await tx.$queryRaw<{ stamp: string | null; books: string }[]>`
    SELECT ${stampSql("csm_roster")} AS stamp,
           COALESCE(json_agg(json_build_array(b."csmId", b.accounts - CASE WHEN x.id IS NULL THEN 0 ELSE 1 END,
             (b."arrCents" - COALESCE(x."bookArrCents", 0))::text)), '[]')::text AS books
    FROM "CsmBook" b LEFT JOIN "Account" x ON x.id = ${options.excludeAccountId ?? ""} AND x."csmId" = b."csmId"`;
  let entry = roster.get(counters!.stamp);
  if (!entry) {
    // Its own stamp, read with the rows: what is cached is exactly the state that stamp names.
    const [result] = await tx.$queryRaw<{ stamp: string | null; rows: string }[]>`
      SELECT ${stampSql("csm_roster")} AS stamp,
             COALESCE(json_agg(json_build_array(${profileColumns}) ORDER BY u.name ASC, p."userId" ASC), '[]')::text AS rows
      FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId"
      WHERE u.active AND u.role = 'CSM'`;
    entry = { profiles: deepFreeze((JSON.parse(result!.rows) as ProfileRow[]).map(toProfile)), index: null };
    roster.set(result!.stamp, entry);
  }
  if (entry.index?.rules.scoring !== rules.scoring || entry.index.rules.capacity !== rules.capacity) entry.index = indexProfiles(entry.profiles, rules);
  const booked = new Map((JSON.parse(counters!.books) as [string, number, string][]).map(([csmId, accounts, arrCents]) => [csmId, { accounts, arrCents }]));
  const books = entry.profiles.map((profile): CsmBookInput => {
    const book = booked.get(profile.userId);
    return { currentAccounts: book?.accounts ?? 0, currentArrCents: BigInt(book?.arrCents ?? 0) };
  });
  return { index: entry.index, books };
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

/** userId, name, tier, maxAccounts, maxArrCents, segments, industries, region, timezone, languages, npsScore, retentionRate, productIds, certifiedProductIds, accounts, arrCents */
type ProfileRow = [string, string, Segment, number, string, Segment[], string[], string, string, string[], string, string, string[], string[], number, string];
