// `npm run bench:search` — the header search at company scale, on the data of `npm run bench:generate` (database
// `baton_bench`, or `--url …`: 50,000 accounts, 200,000 deals, 150,000 contacts, 1,250 people). For each role and
// query it prints p50 / p95 of globalSearch (all five kinds, as the header calls it), then EXPLAIN (ANALYZE,
// BUFFERS) of each statement for the heaviest case: the plan's first lines, whether it reads a trigram index, and
// its execution time. PASS when p95 is under 100 ms. A benchmark, not a test: the machine's other load shows.
//
// Runs under `tsx --conditions=react-server` so the server modules' `server-only` marker resolves.
import { benchDatabaseUrl } from "./bench-database";
import { measureLog, runVersus, versusDatabase } from "./versus";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const P95_TARGET_MS = 100;

const url = benchDatabaseUrl(process.argv.slice(2));
// lib/db reads DATABASE_URL when first imported: point it at the bench database before loading any server module.
process.env.DATABASE_URL = url;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { prisma } = await import("@/lib/db");
  const { globalSearch, searchStatements } = await import("@/lib/server/search/global-search");
  const { Prisma } = await import("@/lib/generated/prisma/client");

  const user = async (id: string) =>
    prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const [admin, leader, manager, csm, ae] = await Promise.all([
    user("bench_admin"),
    user("bench_leader"),
    user("bench_mgr_001"),
    // The CSM and the AE with the largest books: the widest role-scoped searches.
    prisma.$queryRaw<{ id: string }[]>`SELECT "csmId" AS id FROM "Account" WHERE "csmId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.then(([row]) => user(row!.id)),
    prisma.$queryRaw<{ id: string }[]>`SELECT "ownerId" AS id FROM "Deal" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.then(([row]) => user(row!.id)),
  ]);
  const [counts] = await prisma.$queryRaw<{ accounts: number; deals: number; contacts: number; users: number }[]>`
    SELECT (SELECT count(*) FROM "Account")::int AS accounts, (SELECT count(*) FROM "Deal")::int AS deals,
           (SELECT count(*) FROM "Contact")::int AS contacts, (SELECT count(*) FROM "User")::int AS users`;
  console.log(`${new URL(url).pathname.slice(1)}: ${JSON.stringify(counts)}; ${RUNS} runs per case after ${WARMUP} warm-up`);

  // "company" matches every account and every deal name in the bench data; "ana" thousands of contacts.
  const cases: [string, typeof admin, string][] = [
    ["admin, word in every name", admin, "company"],
    ["admin, one account", admin, "Company 04711"],
    ["admin, common first name", admin, "ana"],
    ["admin, two letters", admin, "co"],
    ["admin, no match", admin, "zzqx"],
    ["leadership, deal word", leader, "deal 3"],
    ["CS manager, word in every name", manager, "company"],
    ["CSM, own book", csm, "company"],
    ["AE, own deals", ae, "company"],
  ];

  console.log(`\n${"case".padEnd(34)} ${"query".padEnd(16)} ${"hits".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  result`);
  let failed = 0;
  const measures = measureLog();
  for (const [label, actor, q] of cases) {
    for (let i = 0; i < WARMUP; i += 1) await globalSearch(actor, q);
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const result = await globalSearch(actor, q);
      times.push(performance.now() - started);
      hits = result.groups.reduce((sum, group) => sum + group.hits.length, 0);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const pass = p95 < P95_TARGET_MS;
    if (!pass) failed += 1;
    measures.add(`${label}, "${q}"`, times);
    console.log(`${label.padEnd(34)} ${q.padEnd(16)} ${String(hits).padStart(5)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${pass ? "PASS" : "FAIL"}`);
  }

  for (const [label, actor, q] of [["admin", admin, "company"], ["CSM", csm, "company"], ["admin", admin, "ana"]] as const) {
    console.log(`\nEXPLAIN ANALYZE, ${label}, "${q}":`);
    for (const [kind, statement] of Object.entries(searchStatements(actor, q))) {
      if (!statement) continue;
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      const lines = plan.map((row) => row["QUERY PLAN"]);
      const trigram = lines.filter((line) => /_trgm_idx/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ""));
      const execution = lines.find((line) => line.startsWith("Execution Time")) ?? "";
      console.log(`  ${kind.padEnd(8)} ${execution.padEnd(28)} ${trigram.length > 0 ? trigram.join("; ") : "(no trigram index: " + (lines.find((line) => /Index|Seq Scan/.test(line))?.trim().replace(/\s+\(cost.*$/, "") ?? "?") + ")"}`);
      if (process.env.BENCH_PLANS) console.log(lines.map((line) => `      ${line}`).join("\n"));
    }
  }
  await prisma.$disconnect();
  console.log(failed === 0 ? "\nAll cases PASS." : `\n${failed} case(s) FAIL.`);
  measures.save();
}

// `--vs baton_bench_10x`: the same on both databases, then side by side (scripts/bench/versus.ts); the target is 1×'s.
(versusDatabase(process.argv.slice(2)) ? runVersus("Search benchmark", { p95Ms: P95_TARGET_MS, judged: "base" }) : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
