import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// While an import runs, the process running it holds a PostgreSQL advisory lock named by the run, on a
// connection of its own. If that process dies (killed, crashed, the machine restarted), PostgreSQL drops the
// connection and the lock with it, so a RUNNING run whose lock is free has no one left to finish it: the
// worker's recover-imports job takes the lock and closes the run (lib/server/imports/recover-imports.ts).

/** The first key of the two-key advisory lock, so import locks cannot collide with any other lock. */
const IMPORT_LOCK_CLASS = 0x4254_4901;

export interface RunLock {
  release(): Promise<void>;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  return client;
}

function lockOf(client: pg.Client, runId: string): RunLock {
  return {
    async release() {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [IMPORT_LOCK_CLASS, runId]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Held by the process that imports the run, from before the run exists until it has finished. */
export async function holdRunLock(runId: string): Promise<RunLock> {
  const client = await connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [IMPORT_LOCK_CLASS, runId]);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return lockOf(client, runId);
}

/** The lock of a run whose importer is gone, or null while its importer still holds it. */
export async function tryRunLock(runId: string): Promise<RunLock | null> {
  const client = await connect();
  const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [IMPORT_LOCK_CLASS, runId]);
  if (result.rows[0]?.locked) return lockOf(client, runId);
  await client.end();
  return null;
}
