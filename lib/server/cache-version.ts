import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// In-process caches of what is read on many requests and changes rarely (the rule settings, the CSM roster), each
// kept under the stamp its tables had when it was read. Every write to those tables moves the stamp in the same
// transaction (cache_versions migration), and every use reads the stamp from the database first — one indexed row —
// so another web process's committed change, or the caller's own uncommitted one, is seen at once. A missing stamp
// (the table emptied) caches nothing.

export type CacheName = "settings" | "csm_roster";

/** The stamp as a scalar subquery, to read it in the same statement (the same snapshot) as the rows it covers. */
export function stampSql(name: CacheName): Prisma.Sql {
  return Prisma.sql`(SELECT c."version"::text || '.' || c."xact" FROM "CacheVersion" c WHERE c."key" = ${name})`;
}

export async function readStamp(tx: Tx, name: CacheName): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ stamp: string | null }[]>`SELECT ${stampSql(name)} AS stamp`;
  return row?.stamp ?? null;
}

/** One value per cache, the latest read: a stamp that differs (newer, or a transaction's own) replaces it. */
export class StampedCache<T> {
  private entry: { stamp: string; value: T } | null = null;

  get(stamp: string | null): T | undefined {
    return stamp !== null && this.entry?.stamp === stamp ? this.entry.value : undefined;
  }

  set(stamp: string | null, value: T): void {
    if (stamp !== null) this.entry = { stamp, value };
  }
}

/** Freezes a cached value all the way down, so a caller that changes what it was given fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
