// Where the company-scale benchmark data lives: its own database, never the app's or a test's.
import pg from "pg";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";
// BENCH_DATABASE names another one (e.g. one per engineer on a shared server).
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? "baton_bench";

/** `--scale <n>` (a whole number ≥ 1, default 1): how many times the goal's company the generator makes. */
export function benchScale(args: readonly string[]): number {
  const index = args.indexOf("--scale");
  if (index < 0) return 1;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error("--scale needs a whole number ≥ 1");
  return value;
}

/** The default database of a scale: BENCH_DATABASE if set, else `baton_bench` at 1×, `baton_bench_10x` at 10×, … */
export function scaledBenchDatabase(scale: number): string {
  return process.env.BENCH_DATABASE ?? (scale === 1 ? "baton_bench" : `baton_bench_${scale}x`);
}

/** A database name (`baton_bench_10x`) or a postgresql:// URL, as a URL on the server of DATABASE_URL. */
export function benchUrlFor(nameOrUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(nameOrUrl)) return nameOrUrl;
  const url = new URL(process.env.DATABASE_URL ?? `${LOCAL_SERVER}/postgres`);
  url.pathname = `/${nameOrUrl}`;
  return url.toString();
}

/**
 * `--url <connection string>` if given, else `database` (default BENCH_DATABASE, `baton_bench`) on the server of
 * DATABASE_URL (or the local one).
 */
export function benchDatabaseUrl(args: readonly string[], database: string = BENCH_DATABASE): string {
  const index = args.indexOf("--url");
  if (index >= 0) {
    const value = args[index + 1];
    if (!value) throw new Error("--url needs a postgresql:// connection string");
    return value;
  }
  return benchUrlFor(database);
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
