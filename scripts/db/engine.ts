// Prisma migrations without Prisma's native schema engine (it cannot be downloaded here): the same engine compiled
// to WebAssembly, driven through adapter-pg. The folder layout, `migration_lock.toml` and the `_prisma_migrations`
// rows are Prisma's own, so `prisma migrate deploy` on a machine with the native engine accepts the result.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";
export const DEFAULT_SCHEMA_PATH = "prisma/schema.prisma";
const LOCKFILE = "migration_lock.toml";

export function databaseUrlFromEnv(): string {
  return process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/baton";
}

export interface Paths {
  migrationsDir?: string;
  schemaPath?: string;
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    readonly databaseError: string,
    migrationsDir: string,
  ) {
    super(`Migration "${migrationName}" failed and was not applied.\n${databaseError}\n\n${howToResolve(migrationName, migrationsDir)}`);
    this.name = "MigrationFailedError";
  }
}

// Like Prisma's P3009: nothing more is applied while a failed migration is recorded in the database.
export class MigrationBlockedError extends Error {
  constructor(
    readonly migrationName: string,
    readonly databaseError: string,
    migrationsDir: string,
  ) {
    super(
      `Migrations are blocked: migration "${migrationName}" failed earlier, so no further migrations are applied.\n` +
        `${databaseError}\n\n${howToResolve(migrationName, migrationsDir)}`,
    );
    this.name = "MigrationBlockedError";
  }
}

function howToResolve(name: string, migrationsDir: string): string {
  const file = path.join(path.relative(process.cwd(), path.resolve(migrationsDir)), name, "migration.sql");
  return [
    "To resolve it:",
    `  1. fix ${file}. It ran as one transaction, so nothing of it remains`,
    "     (unless it contains its own COMMIT: then undo its committed part by hand);",
    `  2. npm run db:resolve -- --rolled-back ${name}`,
    "  3. npm run db:migrate",
    "npm run db:status shows the state of every migration.",
  ].join("\n");
}

// ───────────────────────────── public operations ─────────────────────────────

/** Applies pending migrations, creating the database first if needed. Returns the names applied. */
export async function migrate(databaseUrl: string, { migrationsDir = DEFAULT_MIGRATIONS_DIR }: Paths = {}): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const blocking = (await readMigrationTable(databaseUrl)).find((row) => row.state === "failed");
  if (blocking) throw new MigrationBlockedError(blocking.name, blocking.logs, migrationsDir);

  const migrationsList = await readMigrationsList(migrationsDir);
  try {
    const out = await withEngine({ mainUrl: databaseUrl }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
    );
    return out.appliedMigrationNames;
  } catch (error) {
    // The engine recorded the failure in _prisma_migrations; report it from there, with the database's own words.
    const failed = (await readMigrationTable(databaseUrl)).find((row) => row.state === "failed");
    if (failed) throw new MigrationFailedError(failed.name, failed.logs, migrationsDir);
    throw error;
  }
}

export interface MigrationStatus {
  databaseExists: boolean;
  applied: string[];
  pending: string[];
  failed: { name: string; error: string }[];
  /** Applied, but migration.sql changed since (checksum differs). */
  edited: string[];
  /** Recorded as applied in the database but missing from the migrations folder. */
  missingLocally: string[];
}

export async function status(databaseUrl: string, { migrationsDir = DEFAULT_MIGRATIONS_DIR }: Paths = {}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const local = migrationsList.migrationDirectories.map((dir) => dir.path);
  if (!(await databaseExists(databaseUrl))) {
    return { databaseExists: false, applied: [], pending: local, failed: [], edited: [], missingLocally: [] };
  }
  const rows = await readMigrationTable(databaseUrl);
  const diagnosis = await withEngine({ mainUrl: databaseUrl }, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
  const applied = rows.filter((row) => row.state === "applied").map((row) => row.name);
  const failed = rows.filter((row) => row.state === "failed").map((row) => ({ name: row.name, error: row.logs }));
  const known = new Set([...applied, ...failed.map((f) => f.name)]);
  const history = diagnosis.history;
  return {
    databaseExists: true,
    applied,
    pending: local.filter((name) => !known.has(name)),
    failed,
    edited: diagnosis.editedMigrationNames,
    missingLocally: history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [],
  };
}

/** Marks a failed migration as rolled back, so that `migrate` tries it again. */
export async function resolveRolledBack(databaseUrl: string, migrationName: string): Promise<void> {
  await withEngine({ mainUrl: databaseUrl }, (engine) => engine.markMigrationRolledBack({ migrationName }));
}

export type DiffResult = { migrationName: string; file: string; sql: string } | null;

/**
 * Writes the next migration from the difference between the migrations (replayed in a throwaway shadow database)
 * and the schema. Returns null, writing nothing, when there is no difference. Never connects to the app's database:
 * `serverUrl` only names the server on which the shadow database is created and dropped.
 */
export async function diff(
  name: string,
  { migrationsDir = DEFAULT_MIGRATIONS_DIR, schemaPath = DEFAULT_SCHEMA_PATH, serverUrl = databaseUrlFromEnv() }: Paths & {
    serverUrl?: string;
  } = {},
): Promise<DiffResult> {
  const slug = name.trim().replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`Invalid migration name "${name}": use letters, digits and underscores.`);
  const schema = { path: path.resolve(schemaPath), content: await readFile(schemaPath, "utf8") };
  const migrationsList = await readMigrationsList(migrationsDir);
  // The engine learns the provider from the lock file; a new migrations folder gets the standard one.
  const writeLockfile = migrationsList.lockfile.content === null;
  if (writeLockfile) migrationsList.lockfile.content = LOCKFILE_CONTENT;

  const shadowUrl = await createShadowDatabase(serverUrl);
  let result;
  try {
    // The engine connects to a "main" database as soon as it starts; for a diff that is the throwaway one too.
    result = await withEngine({ mainUrl: shadowUrl, shadowUrl, schema }, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
  } finally {
    await dropDatabase(shadowUrl);
  }
  // With exitCode requested, the engine answers 2 when there is a difference and 0 when there is none.
  if (result.exitCode !== 2 || !result.stdout) return null;

  const migrationName = `${nextTimestamp(migrationsList)}_${slug}`;
  const dir = path.join(migrationsDir, migrationName);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "migration.sql");
  await writeFile(file, result.stdout);
  if (writeLockfile) await writeFile(path.join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT);
  return { migrationName, file, sql: result.stdout };
}

const LOCKFILE_CONTENT =
  "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n" +
  'provider = "postgresql"\n';

// yyyymmddhhmmss in UTC like Prisma, and always after the newest existing folder so the order is kept.
function nextTimestamp(list: MigrationList): string {
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const newest = list.migrationDirectories.at(-1)?.path.slice(0, 14) ?? "";
  return /^\d{14}$/.test(newest) && newest >= now ? String(BigInt(newest) + 1n) : now;
}

// ───────────────────────────── migrations folder ─────────────────────────────

// Same shape as the Prisma CLI builds it: directories sorted by name, each with its migration.sql or read error.
async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  dirs.sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(baseDir, dir, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return { baseDir, lockfile: { path: LOCKFILE, content: lockContent }, shadowDbInitScript: "", migrationDirectories };
}

// ───────────────────────────── plain SQL on the server ─────────────────────────────

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

// CREATE/DROP DATABASE must run from another database; "postgres" exists on every normal server.
const onServer = <T>(url: string, fn: (client: pg.Client) => Promise<T>) => withClient(withDatabase(url, "postgres"), fn);

async function databaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onServer(url, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}

async function ensureDatabase(url: string): Promise<void> {
  if (await databaseExists(url)) return;
  await onServer(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`)).catch((error: { code?: string }) => {
    if (error.code !== "42P04") throw error; // created concurrently: fine
  });
}

async function createShadowDatabase(serverUrl: string): Promise<string> {
  const name = `baton_shadow_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return withDatabase(serverUrl, name);
}

async function dropDatabase(url: string): Promise<void> {
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`));
}

interface MigrationRow {
  name: string;
  state: "applied" | "failed" | "rolledBack";
  logs: string;
}

async function readMigrationTable(url: string): Promise<MigrationRow[]> {
  return withClient(url, async (c) => {
    const exists = await c.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!exists.rows[0]?.present) return [];
    const { rows } = await c.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null }>(
      "SELECT migration_name, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at, migration_name",
    );
    return rows.map((row) => ({
      name: row.migration_name,
      state: row.rolled_back_at ? "rolledBack" : row.finished_at ? "applied" : "failed",
      logs: withoutEngineTrace(row.logs ?? ""),
    }));
  });
}

// Engine messages end in a Rust span trace ("   0: sql_schema_connector::…") and may start with a generic
// "external connector error" line; the database's own message is what is in between.
function withoutEngineTrace(message: string): string {
  const lines = message.split("\n");
  const traceStart = lines.findIndex((line) => /^\s+\d+: /.test(line));
  const kept = traceStart === -1 ? lines : lines.slice(0, traceStart);
  return kept.filter((line) => line.trim() !== "external connector error").join("\n").trim();
}

// ───────────────────────────── the wasm engine ─────────────────────────────

type ErrorRegistry = ErrorCapturingSqlMigrationAwareDriverAdapterFactory["errorRegistry"];

const NO_FILTERS = { externalTables: [], externalEnums: [] };

// Rust panics report their message through this global; without it they surface as "reading 'set_message'".
const panics = {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
};

let engineClass: Promise<typeof SchemaEngine> | undefined;

// Instantiated by hand: importing the package itself needs node's --experimental-wasm-modules.
function loadEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports: WebAssembly.ModuleImports = { ...glue };
    // The engine's timers (e.g. the 10 s advisory-lock timeout) are never cleared; unref them so a finished
    // command exits at once instead of ten seconds later.
    for (const key of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
      imports[key] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

interface EngineTargets {
  mainUrl: string;
  /** Only operations that replay migrations (diff) get a shadow database; it is always a throwaway one. */
  shadowUrl?: string;
  schema?: { path: string; content: string };
}

async function withEngine<T>(targets: EngineTargets, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const Engine = await loadEngine();
  const adapters: SqlDriverAdapter[] = [];
  const open = async (url: string | undefined) => {
    if (!url) throw new Error("this operation has no shadow database; it must not need one");
    const adapter = await connectAdapter(url);
    adapters.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => open(targets.mainUrl),
    connectToShadowDb: () => open(targets.shadowUrl),
  };
  const log = process.env.BATON_DB_DEBUG ? (line: string) => console.error(line) : () => {};
  const datamodels: [string, string][] | undefined = targets.schema && [[targets.schema.path, targets.schema.content]];
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  panics.message = "";
  let engine: SchemaEngine | undefined;
  try {
    engine = await Engine.new({ datamodels }, log, bound);
    return await fn(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
  }
}

// Errors thrown by our JS side (adapters, factory) reach the engine as "External error id#N"; the original is
// kept in the adapter's error registry.
function engineError(error: unknown, registry: ErrorRegistry): Error {
  if (panics.message) return new Error(`Schema engine panicked: ${panics.message}`);
  const external = error instanceof Error ? /External error id#(\d+)/.exec(error.message) : null;
  const original = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  if (original instanceof Error) return original;
  if (error instanceof Error) {
    error.message = withoutEngineTrace(error.message);
    return error;
  }
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    return Object.assign(new Error(error.message), error);
  }
  return new Error(String(error));
}

// Postgres's internal "char" type (pg_class.relkind …), which the engine reads when introspecting, is unknown to
// adapter-pg; reporting it as text (OID 25) is what the value is anyway.
const CHAR_OID = 18;
const TEXT_OID = 25;
function charAsText<R>(result: R): R {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  // @ts-expect-error one implementation for pg's overloads (callback and promise forms)
  override query(...args: unknown[]): unknown {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : charAsText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(charAsText) : out;
  }
}

async function connectAdapter(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 2, Client: CharAsTextClient as unknown as new () => pg.ClientBase });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  // adapter-pg splits scripts on ";" (breaking quoted ";" and $$ bodies). One simple-protocol query instead runs the
  // whole script in one implicit transaction, as the native engine does. A database error gains the line it
  // happened on, which ends up in _prisma_migrations.logs and in our messages.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      const line = error.position ? ` (at line ${script.slice(0, Number(error.position)).split("\n").length})` : "";
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "",
        severity: error.severity ?? "ERROR",
        message: error.message + line,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    }
  };
  let disposed = false;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    if (disposed) return;
    disposed = true;
    await dispose();
  };
  return adapter;
}
