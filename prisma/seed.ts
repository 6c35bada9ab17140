import { prisma } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";

// `npm run db:seed` — wipes the app's tables and loads the demo company (see lib/demo). Sign in with any
// of the demo users (admin@, leader@, manager@, csm@, ae@baton.test), password `baton-demo`.
// Runs under `--conditions=react-server` so the domain code's `server-only` imports resolve.
// `npm run db:seed -- --now 2026-11-23T15:00:00Z` seeds as of another moment (same day → same data).

function nowFromArgs(args: readonly string[]): Date {
  const index = args.indexOf("--now");
  const value = index >= 0 ? args[index + 1] : args.find((arg) => arg.startsWith("--now="))?.slice("--now=".length);
  if (value === undefined) return new Date();
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`--now: "${value}" is not a date (use ISO, e.g. 2026-11-23T15:00:00Z)`);
  return parsed;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { counts, today } = await seedDemo(prisma, { now: nowFromArgs(process.argv.slice(2)) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Demo data for ${today} loaded in ${seconds} s.`);
  for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(20)} ${count}`);
  console.log("Sign in as admin@, leader@, manager@, csm@ or ae@baton.test with the password baton-demo.");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
