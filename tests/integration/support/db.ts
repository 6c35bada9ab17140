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

/** Empties every application table; TRUNCATE is allowed on the append-only audit table, UPDATE/DELETE are not. */
export async function truncateAll(): Promise<void> {
  tables ??= (
    await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
  ).map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
}
