// `npm test`: every layer — type check, unit, integration (own database, real PostgreSQL) and browser
// tests (Playwright on Debian's Chromium against the production build with seeded demo data).
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { findDatabaseServer, recreateDatabase } from "./lib/database-server";
import { run } from "./lib/run";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Two checkouts on one machine can test side by side: BATON_TEST_NAMESPACE=wt2 gives them their own databases.
const NAMESPACE = process.env.BATON_TEST_NAMESPACE ? `_${process.env.BATON_TEST_NAMESPACE.replace(/[^a-z0-9]/gi, "").toLowerCase()}` : "";

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

async function main() {
  const only = process.argv[2];
  ensureChromium();
  const base = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };

  if (!only || only === "unit") {
    await run("tsc", ["--noEmit", "-p", "."], base);
    await run("vitest", ["run", "--config", "vitest.unit.config.ts"], base);
  }

  const server = await findDatabaseServer();
  try {
    if (!only || only === "integration") {
      const url = await recreateDatabase(server, `baton_test_integration${NAMESPACE}`);
      const env = { ...base, DATABASE_URL: url, NODE_ENV: "test" as const };
      await run("tsx", ["scripts/db/cli.ts", "migrate"], env);
      await run("vitest", ["run", "--config", "vitest.integration.config.ts"], env);
    }
    if (!only || only === "e2e") {
      const url = await recreateDatabase(server, `baton_test_e2e${NAMESPACE}`);
      const env = { ...base, DATABASE_URL: url, AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123", CHROMIUM_PATH: CHROMIUM };
      await run("tsx", ["scripts/db/cli.ts", "migrate"], env);
      await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], env);
      await run("next", ["build"], { ...env, NODE_ENV: "production" });
      await run("playwright", ["test"], env);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
