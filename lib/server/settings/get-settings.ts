import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { mergeSettings, type Settings } from "@/lib/settings/schema";
import { deepFreeze, readStamp, stampSql, StampedCache } from "@/lib/server/cache-version";

// Parsed and validated once per settings version rather than on every request (lib/server/cache-version.ts): a use
// reads the stamp (one row) and gets the cached rules while it matches.
const cache = new StampedCache<Settings>();

/**
 * The rules in force: stored rows over SPEC.md's defaults. Always as of the database (the caller's transaction
 * included), so an admin's change applies at once in every process. Frozen: shared between requests.
 */
export async function getSettings(tx: Tx = prisma): Promise<Settings> {
  const cached = cache.get(await readStamp(tx, "settings"));
  if (cached) return cached;
  const [row] = await tx.$queryRaw<{ stamp: string | null; rows: string }[]>`
    SELECT ${stampSql("settings")} AS stamp,
           COALESCE(json_agg(json_build_object('key', s."key", 'value', s."value")), '[]')::text AS rows
    FROM "Setting" s`;
  const settings = deepFreeze(mergeSettings(JSON.parse(row!.rows) as { key: string; value: unknown }[]));
  cache.set(row!.stamp, settings);
  return settings;
}
