// `npm run demo`: migrate, seed (once), build and serve Baton at http://localhost:3000 on the local or
// embedded database. `--reseed` replaces the demo data; `--skip-build` reuses the last build;
// `--dev` runs the development server instead of the production build.
import pg from "pg";
import { findDatabaseServer } from "./lib/database-server";
import { authSecret } from "./lib/auth-secret";
import { run, start } from "./lib/run";

const DATABASE = "baton";
const PORT = process.env.PORT ?? "3000";

async function hasUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "User"`);
    return Number(result.rows[0]?.count ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const server = await findDatabaseServer();
  const databaseUrl = process.env.DATABASE_URL ?? server.urlFor(DATABASE);
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1" };

  await run("tsx", ["scripts/db/cli.ts", "migrate"], env);
  if (args.has("--reseed") || !(await hasUsers(databaseUrl))) {
    await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], env);
  }
  const dev = args.has("--dev");
  if (!dev && !args.has("--skip-build")) await run("next", ["build"], { ...env, NODE_ENV: "production" });

  const web = dev
    ? start("next", ["dev", "-p", PORT], { ...env, NODE_ENV: "development" })
    : start("next", ["start", "-p", PORT], { ...env, NODE_ENV: "production" });
  console.log(`Baton is starting at http://localhost:${PORT} (database: ${server.kind}). Ctrl+C stops it.`);

  const stop = async () => {
    web.kill("SIGTERM");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  web.on("exit", async (code) => {
    await server.stop();
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
