// Where the company-scale benchmark data lives: its own database, never the app's or a test's.
import pg from "pg";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";
// BENCH_DATABASE names another one (e.g. one per engineer on a shared server).
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? "baton_bench";

/** `--url <connection string>` if given, else `baton_bench` on the server of DATABASE_URL (or the local one). */
export function benchDatabaseUrl(args: readonly string[]): string {
  const index = args.indexOf("--url");
  if (index >= 0) {
    const value = args[index + 1];
    if (!value) throw new Error("--url needs a postgresql:// connection string");
    return value;
  }
  const url = new URL(process.env.DATABASE_URL ?? `${LOCAL_SERVER}/postgres`);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

/** Drops and recreates the benchmark database; refuses a name that does not say it is one. */
export async function recreateBenchDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/.test(name) || !/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`Refusing to recreate "${name}": the benchmark database's name must contain "bench".`);
  }
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
