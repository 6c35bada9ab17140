// `npm run demo`: migrate, seed (once), build and serve Baton at http://localhost:3000 on the local or
// embedded database, with the job worker (scripts/worker.ts: alerts, escalations, digests, e-mail) beside
// the web server. `--reseed` replaces the demo data; `--skip-build` reuses the last build;
// `--dev` runs the development server instead of the production build.
import type { ChildProcess } from "node:child_process";
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
  const workerEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: dev ? "development" : "production" };
  let stopping = false;
  let worker = startWorker(workerEnv);
  console.log(`Baton is starting at http://localhost:${PORT} (database: ${server.kind}) with its job worker. Ctrl+C stops both.`);

  // The worker's jobs are idempotent and resume where they stopped, so a crashed worker is simply restarted.
  function startWorker(workerEnv: NodeJS.ProcessEnv): ChildProcess {
    const child = start("tsx", ["--conditions=react-server", "scripts/worker.ts"], workerEnv);
    child.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`The job worker stopped (${signal ?? `exit ${code}`}); restarting it in 5 s.`);
      setTimeout(() => {
        if (!stopping) worker = startWorker(workerEnv);
      }, 5_000);
    });
    return child;
  }

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    web.kill("SIGTERM");
    worker.kill("SIGTERM");
    // The database stops last: the worker finishes its running jobs against it first.
    await Promise.race([Promise.all([exited(web), exited(worker)]), new Promise((resolve) => setTimeout(resolve, 25_000))]);
    await server.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  web.on("exit", (code) => void stopAll(code ?? 1));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
