import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/** Refuses to run against anything but a local database whose name says it is for tests. */
export function assertTestDatabase(): void {
  const url = new URL(env().DATABASE_URL);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (!local || !url.pathname.includes("test")) {
    throw new Error(`Integration tests only run on a local *test* database, not ${url.hostname}${url.pathname}.`);
  }
}

let tables: string[] | undefined;

/**
 * Empties every application table and pg-boss's jobs (queued, done and archived), so no test sees another's rows or
 * jobs; TRUNCATE is allowed on the append-only audit table, UPDATE/DELETE are not. pg-boss's queue definitions,
 * schedules and version stay: the process's pg-boss created them once at start and keeps using them.
 */
export async function truncateAll(): Promise<void> {
  tables ??= (
    await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
  ).map((row) => `"${row.tablename}"`);
  // The pgboss schema exists once pg-boss first started (in this database, by any earlier test run).
  const jobs = (
    await prisma.$queryRaw<{ name: string }[]>`
      SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'pgboss' AND tablename IN ('job', 'archive')`
  ).map((row) => row.name);
  const all = [...tables, ...jobs];
  if (all.length > 0) await prisma.$executeRawUnsafe(`TRUNCATE ${all.join(", ")} RESTART IDENTITY CASCADE`);
}
