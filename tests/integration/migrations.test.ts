// scripts/db/engine.ts against temp migration folders and throwaway databases (baton_mig_t_*), dropped afterwards.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  databaseUrlFromEnv,
  diff,
  migrate,
  MigrationBlockedError,
  MigrationFailedError,
  resolveRolledBack,
  status,
} from "@/scripts/db/engine";

const serverUrl = databaseUrlFromEnv();
const created: string[] = [];
const tempDirs: string[] = [];

function urlFor(database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A URL for a database that does not exist yet; migrate() creates it. */
function freshDatabaseUrl(): string {
  const name = `baton_mig_t_${randomBytes(5).toString("hex")}`;
  created.push(name);
  return urlFor(name);
}

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const onServer = (text: string, values?: unknown[]) => sql(urlFor("postgres"), text, values);

async function createEmptyDatabase(): Promise<string> {
  const url = freshDatabaseUrl();
  await onServer(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
  return url;
}

async function databaseNames(prefix: string): Promise<string[]> {
  const rows = await onServer("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname", [`${prefix}%`]);
  return rows.map((row) => String(row.datname));
}

async function tableNames(url: string): Promise<string[]> {
  const rows = await sql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  return rows.map((row) => String(row.tablename));
}

async function tempMigrations(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baton-migrations-"));
  tempDirs.push(dir);
  await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, text] of Object.entries(migrations)) await addMigration(dir, name, text);
  return dir;
}

async function addMigration(dir: string, name: string, text: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), text);
}

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

afterAll(async () => {
  for (const name of created) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  const twoMigrations = {
    "20240101000000_first": `CREATE TYPE "Kind" AS ENUM ('A', 'B');\nCREATE TABLE "Thing" ("id" SERIAL PRIMARY KEY, "kind" "Kind" NOT NULL);\n`,
    "20240102000000_second": `ALTER TABLE "Thing" ADD COLUMN "label" TEXT;\nCREATE INDEX "Thing_label_idx" ON "Thing"("label");\n`,
  };

  it("creates the database, records Prisma's rows, and a second run changes nothing", async () => {
    const dir = await tempMigrations(twoMigrations);
    const url = freshDatabaseUrl();
    const schemaOf = () =>
      sql(
        url,
        `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'
         UNION ALL SELECT tablename, indexname, 'index' FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
      );
    const rowsOf = () => sql(url, "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");

    expect(await migrate(url, { migrationsDir: dir })).toEqual(["20240101000000_first", "20240102000000_second"]);
    const schemaBefore = await schemaOf();
    const rowsBefore = await rowsOf();
    expect(rowsBefore.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      Object.entries(twoMigrations).map(([name, text]) => [name, createHash("sha256").update(text).digest("hex"), 1]),
    );
    expect(rowsBefore.every((r) => r.finished_at instanceof Date)).toBe(true);

    expect(await migrate(url, { migrationsDir: dir })).toEqual([]);
    expect(await schemaOf()).toEqual(schemaBefore);
    expect(await rowsOf()).toEqual(rowsBefore);
    expect(schemaBefore).toContainEqual({ table_name: "Thing", column_name: "label", data_type: "text" });
  });

  it("applies a script with a quoted ';' and a $$ function body as written", async () => {
    const dir = await tempMigrations({
      "20240101000000_tricky": [
        `CREATE TABLE "Note" ("id" INT PRIMARY KEY, "body" TEXT NOT NULL);`,
        `INSERT INTO "Note" VALUES (1, 'a;b'), (2, 'it''s; fine');`,
        `CREATE FUNCTION "shout"(t TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$`,
        `BEGIN`,
        `  RETURN upper(t) || ';!';`,
        `END;`,
        `$$;`,
        ``,
      ].join("\n"),
    });
    const url = freshDatabaseUrl();

    expect(await migrate(url, { migrationsDir: dir })).toEqual(["20240101000000_tricky"]);
    expect(await sql(url, `SELECT "id", "body" FROM "Note" ORDER BY "id"`)).toEqual([
      { id: 1, body: "a;b" },
      { id: 2, body: "it's; fine" },
    ]);
    expect(await sql(url, `SELECT "shout"('hey') AS v`)).toEqual([{ v: "HEY;!" }]);
  });

  it("reports a failing migration by name, then refuses to go on until it is resolved", async () => {
    const dir = await tempMigrations({
      "20240101000000_ok": `CREATE TABLE "A" ("id" INT PRIMARY KEY);\n`,
      "20240102000000_broken": `CREATE TABLE "B" ("id" INT PRIMARY KEY);\nINSERT INTO "Missing" VALUES (1);\n`,
      "20240103000000_later": `CREATE TABLE "C" ("id" INT PRIMARY KEY);\n`,
    });
    const url = freshDatabaseUrl();

    const failure = await migrate(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).migrationName).toBe("20240102000000_broken");
    expect((failure as Error).message).toMatch(/Migration "20240102000000_broken" failed/);
    expect((failure as Error).message).toMatch(/Missing/);
    // The failed script ran in one transaction: its first statement left nothing behind, the next one never ran.
    expect(await tableNames(url)).toEqual(["A", "_prisma_migrations"]);

    const blocked = await migrate(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(MigrationBlockedError);
    expect((blocked as Error).message).toMatch(/blocked: migration "20240102000000_broken" failed/);
    expect((blocked as Error).message).toContain("npm run db:resolve -- --rolled-back 20240102000000_broken");
    expect((blocked as Error).message).toContain("npm run db:status");
    expect(await tableNames(url)).toEqual(["A", "_prisma_migrations"]);

    const s = await status(url, { migrationsDir: dir });
    expect(s.applied).toEqual(["20240101000000_ok"]);
    expect(s.failed.map((f) => f.name)).toEqual(["20240102000000_broken"]);
    expect(s.failed[0]?.error).toMatch(/Missing/);
    expect(s.pending).toEqual(["20240103000000_later"]);

    // The documented way out: fix the file, mark the failure rolled back, migrate again.
    await addMigration(dir, "20240102000000_broken", `CREATE TABLE "B" ("id" INT PRIMARY KEY);\n`);
    await resolveRolledBack(url, "20240102000000_broken");
    expect(await migrate(url, { migrationsDir: dir })).toEqual(["20240102000000_broken", "20240103000000_later"]);
    expect(await tableNames(url)).toEqual(["A", "B", "C", "_prisma_migrations"]);
    const after = await status(url, { migrationsDir: dir });
    expect([after.failed, after.pending]).toEqual([[], []]);
  });
});

describe("status", () => {
  it("lists pending migrations, before the database exists and after some are applied", async () => {
    const dir = await tempMigrations({
      "20240101000000_one": `CREATE TABLE "One" ("id" INT);\n`,
      "20240102000000_two": `CREATE TABLE "Two" ("id" INT);\n`,
    });
    const url = freshDatabaseUrl();

    expect(await status(url, { migrationsDir: dir })).toMatchObject({
      databaseExists: false,
      applied: [],
      pending: ["20240101000000_one", "20240102000000_two"],
    });
    await migrate(url, { migrationsDir: dir });
    await addMigration(dir, "20240103000000_three", `CREATE TABLE "Three" ("id" INT);\n`);
    expect(await status(url, { migrationsDir: dir })).toEqual({
      databaseExists: true,
      applied: ["20240101000000_one", "20240102000000_two"],
      pending: ["20240103000000_three"],
      failed: [],
      edited: [],
      missingLocally: [],
    });
  });
});

describe("diff", () => {
  const schemaV1 = `datasource db {\n  provider = "postgresql"\n}\n\nmodel Widget {\n  id   Int    @id\n  name String\n}\n`;
  const schemaV2 = schemaV1.replace("  name String\n", "  name String\n  size Int    @default(0)\n");

  async function project() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "baton-diff-"));
    tempDirs.push(dir);
    const migrationsDir = path.join(dir, "migrations");
    const schemaPath = path.join(dir, "schema.prisma");
    await writeFile(schemaPath, schemaV1);
    return { migrationsDir, schemaPath };
  }

  it("writes exactly one new migration for a change and nothing when there is none", async () => {
    const paths = await project();

    const first = await diff("create widgets", paths);
    expect(first?.migrationName).toMatch(/^\d{14}_create_widgets$/);
    expect(await folders(paths.migrationsDir)).toEqual([first?.migrationName]);
    expect(await readFile(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);
    expect(await readFile(first!.file, "utf8")).toContain(`CREATE TABLE "Widget"`);

    expect(await diff("nothing", paths)).toBeNull();
    expect(await folders(paths.migrationsDir)).toEqual([first?.migrationName]);

    await writeFile(paths.schemaPath, schemaV2);
    const second = await diff("add_size", paths);
    expect(await folders(paths.migrationsDir)).toEqual([first?.migrationName, second?.migrationName]);
    expect(second?.sql).toMatch(/ALTER TABLE "Widget" ADD COLUMN\s+"size" INTEGER NOT NULL DEFAULT 0/);
    expect(await diff("again", paths)).toBeNull();

    // What diff wrote is what migrate applies.
    const url = freshDatabaseUrl();
    expect(await migrate(url, { migrationsDir: paths.migrationsDir })).toEqual([first?.migrationName, second?.migrationName]);
    const columns = await sql(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Widget' ORDER BY 1`);
    expect(columns.map((c) => c.column_name)).toEqual(["id", "name", "size"]);
  });

  it("never touches the database DATABASE_URL names and leaves no shadow database behind", async () => {
    const paths = await project();
    const previous = process.env.DATABASE_URL;
    const shadowsBefore = await databaseNames("baton_shadow_");
    const real = await createEmptyDatabase();
    await sql(real, `CREATE TABLE "Keep" ("id" INT); INSERT INTO "Keep" VALUES (42);`);
    const missing = freshDatabaseUrl(); // never created
    try {
      process.env.DATABASE_URL = real;
      expect(await diff("first", paths)).not.toBeNull();
      await writeFile(paths.schemaPath, schemaV2);
      // A second diff replays the first migration in the shadow database: the real one must still not see it.
      expect(await diff("second", paths)).not.toBeNull();
      expect(await tableNames(real)).toEqual(["Keep"]);
      expect(await sql(real, `SELECT "id" FROM "Keep"`)).toEqual([{ id: 42 }]);
      // Nor does it need that database to exist.
      process.env.DATABASE_URL = missing;
      await writeFile(paths.schemaPath, schemaV2.replace("@default(0)", "@default(1)"));
      expect(await diff("third", paths)).not.toBeNull();
    } finally {
      process.env.DATABASE_URL = previous;
    }
    expect(await folders(paths.migrationsDir)).toHaveLength(3);
    expect(await databaseNames(new URL(missing).pathname.slice(1))).toEqual([]);
    // Only shadows created by this test could have appeared; none may remain.
    expect((await databaseNames("baton_shadow_")).filter((n) => !shadowsBefore.includes(n))).toEqual([]);
  });
});

describe("the project's migrations", () => {
  it("build User, Account and an append-only AuditEvent in a fresh database", async () => {
    const url = freshDatabaseUrl();
    const applied = await migrate(url);
    expect(applied.some((name) => /^\d{14}_init$/.test(name))).toBe(true);
    expect(await tableNames(url)).toEqual(expect.arrayContaining(["User", "Account", "AuditEvent", "_prisma_migrations"]));

    await sql(url, `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ('u1', 'a@example.test', 'A', 'ADMIN', now())`);
    await sql(url, `INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId") VALUES ('u1', 'user.create', 'User', 'u1')`);
    await expect(sql(url, `UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE/);
    expect(await sql(url, `SELECT "action" FROM "AuditEvent"`)).toEqual([{ action: "user.create" }]);
    // Tests empty tables between runs with TRUNCATE, which stays allowed.
    await sql(url, `TRUNCATE "AuditEvent"`);
    expect(await sql(url, `SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual([{ n: 0 }]);
  });
});
