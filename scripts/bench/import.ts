// `npm run bench:import`: writes a 50,000-row accounts.csv and a 50,000-row deals.csv (streamed to disk, never
// held in memory), imports them with the same importer as the admin page into its own database
// (baton_bench_import, recreated each run), re-imports the accounts (all updates) and prints rows per second.
// One deal in five is closed won, so the import also runs the closed-won flow for it (renewal opportunity,
// touchpoints, risk assessment, handoff, CSM suggestion), as a CRM export of a real pipeline would.
// `--rows <n>` changes the size.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { findDatabaseServer, recreateDatabase } from "../lib/database-server";
import { run } from "../lib/run";

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf("--rows") + 1] ?? NaN) || 50_000;
const SEGMENTS = ["Enterprise", "Mid-Market", "Scale"];
const INDUSTRIES = ["Software", "Retail", "Healthcare", "Financial services", "Manufacturing"];

async function writeLines(file: string, header: string, line: (index: number) => string): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let index = 0; index < ROWS; index += 1) {
    if (!out.write(`${line(index)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function main() {
  const server = await findDatabaseServer();
  const url = await recreateDatabase(server, "baton_bench_import");
  await run("tsx", ["scripts/db/cli.ts", "migrate"], { ...process.env, DATABASE_URL: url });
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= "warn";

  const { prisma } = await import("@/lib/db");
  const { runImport } = await import("@/lib/server/imports/run-import");
  const { fileSource } = await import("@/lib/server/imports/csv-reader");
  const { systemActor } = await import("@/lib/server/actor");

  await prisma.user.create({ data: { email: "bench-csm@example.test", name: "Bench CSM", role: "CSM" } });
  await prisma.user.create({ data: { email: "bench-ae@example.test", name: "Bench AE", role: "AE" } });
  await prisma.product.createMany({ data: [{ name: "Renewal Hub" }, { name: "Data Bridge", technical: true }] });

  const dir = await mkdtemp(path.join(os.tmpdir(), "baton-bench-import-"));
  try {
    const accounts = path.join(dir, "accounts.csv");
    await writeLines(
      accounts,
      "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email",
      (i) =>
        `BENCH-${i},Bench Account ${i},${SEGMENTS[i % 3]},${INDUSTRIES[i % 5]},NA,America/New_York,English,${i % 17 === 0},false,${40 + (i % 60)},${i % 100}.5,${(i % 50) * 1000}.25,${i % 4 === 0 ? "bench-csm@example.test" : ""}`,
    );
    const deals = path.join(dir, "deals.csv");
    await writeLines(
      deals,
      "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations",
      (i) =>
        `BENCH-D-${i},BENCH-${i},Bench deal ${i},new,${i % 5 === 0 ? "closed_won" : "negotiation"},${10_000 + (i % 90) * 1000}.00,12,2026-0${1 + (i % 9)}-15,,Renewal Hub${i % 2 ? ";Data Bridge" : ""},bench-ae@example.test,Price,,Late renewals;No health view,,SSO,Salesforce`,
    );

    console.log(`Importing ${ROWS.toLocaleString("en-US")} rows per file in batches of 500…`);
    // The second accounts pass re-imports the same file: every row is then an update by key.
    for (const [label, kind, file] of [["accounts", "accounts", accounts], ["deals", "deals", deals], ["accounts again (updates)", "accounts", accounts]] as const) {
      const summary = await runImport(systemActor("bench"), { kind, source: fileSource(file), fileName: path.basename(file) });
      const perSecond = Math.round(summary.totalRows / summary.seconds);
      console.log(
        `${label.padEnd(25)} ${summary.okRows.toLocaleString("en-US")} ok, ${summary.errorRows} refused, ` +
          `${summary.seconds.toFixed(1)} s → ${perSecond.toLocaleString("en-US")} rows/s`,
      );
      if (summary.okRows !== ROWS) throw new Error(`expected ${ROWS} rows imported: ${JSON.stringify(summary.issues.slice(0, 5))}`);
    }
    const closed = await prisma.$queryRaw<{ deals: number; renewals: number; handoffs: number; touchpoints: number }[]>`
      SELECT (SELECT count(*) FROM "Deal" WHERE stage = 'CLOSED_WON')::int AS deals, (SELECT count(*) FROM "RenewalOpportunity")::int AS renewals,
             (SELECT count(*) FROM "Handoff")::int AS handoffs, (SELECT count(*) FROM "Touchpoint")::int AS touchpoints`;
    const written = closed[0];
    console.log(
      `Closed won through the import: ${written?.deals.toLocaleString("en-US")} deals → ${written?.renewals.toLocaleString("en-US")} renewal opportunities, ` +
        `${written?.handoffs.toLocaleString("en-US")} handoffs, ${written?.touchpoints.toLocaleString("en-US")} touchpoints`,
    );
    if (written?.deals !== Math.ceil(ROWS / 5)) throw new Error(`expected ${Math.ceil(ROWS / 5)} closed-won deals, found ${written?.deals}`);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`Peak resident memory of this process: ${peakMb} MB (the files are streamed, not loaded).`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await prisma.$disconnect();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
