// Benchmark of the CSM suggestion engine (lib/assignment/suggest.ts) on deterministic data, then of the suggestion
// on the real server path (lib/server/assignments: the handoff's context, every active CSM with their book loaded
// from PostgreSQL, the engine, the snapshot) against the company-scale database of `npm run bench:generate`
// (`baton_bench`, or `--url …`; skipped with a note when that database is missing), with the time per step and the
// process's first suggestion (before the settings and the CSM roster are cached) beside the warm ones. Reads only.
// Prints figures against the targets; it is not a test.  Run: npm run bench:assign

import { performance } from "node:perf_hooks";
import { createSuggester, suggestCsms, type AccountInput, type CsmInput, type DealInput, type Segment } from "@/lib/assignment/suggest";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import pg from "pg";
import { benchDatabaseUrl } from "./bench-database";
import { mulberry32 } from "./random";
import { measureLog, runVersus, versusDatabase } from "./versus";

const CSM_COUNT = 1_000;
const PAIR_COUNT = 10_000;
const SINGLE_RUNS = 200;
const SINGLE_TARGET_MS = 10;
const BULK_TARGET_MS = 3_000;

const rules = { scoring: DEFAULT_SETTINGS.scoring, capacity: DEFAULT_SETTINGS.capacity };
const random = mulberry32(20_240_601);

const SEGMENTS: Segment[] = ["ENTERPRISE", "MID_MARKET", "SCALE"];
const REGIONS: Record<string, string[]> = {
  NA: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
  EMEA: ["Europe/London", "Europe/Berlin", "Europe/Paris", "Africa/Johannesburg"],
  APAC: ["Asia/Tokyo", "Asia/Singapore", "Australia/Sydney"],
  LATAM: ["America/Sao_Paulo", "America/Mexico_City"],
};
const REGION_NAMES = Object.keys(REGIONS);
const INDUSTRIES = ["Fintech", "Healthcare", "Retail", "Manufacturing", "Media", "Education", "Logistics", "Insurance", "Energy", "Public sector", "Travel", "Telecom"];
const LANGUAGES = ["English", "German", "French", "Spanish", "Japanese", "Portuguese"];
const PRODUCTS = Array.from({ length: 12 }, (_, i) => ({ id: `prod_${i}`, name: `Product ${i}`, technical: i % 3 === 0 }));
const TECHNICAL_IDS = PRODUCTS.filter((p) => p.technical).map((p) => p.id);

function tierFor(i: number): Segment {
  const roll = (i * 7919) % 100;
  return roll < 20 ? "ENTERPRISE" : roll < 55 ? "MID_MARKET" : "SCALE";
}

function makeCsms(): CsmInput[] {
  return Array.from({ length: CSM_COUNT }, (_, i) => {
    const tier = tierFor(i);
    const limits = rules.capacity[tier];
    const maxAccounts = random.int(limits.minAccounts, limits.maxAccounts + 5); // some profiles exceed the tier limit
    const maxArrCents = BigInt(limits.maxArrCents);
    const region = random.pick(REGION_NAMES);
    const productIds = random.sample(PRODUCTS, random.int(2, 8)).map((p) => p.id);
    return {
      userId: `csm_${String(i).padStart(4, "0")}`,
      name: `CSM ${random.int(1, 400)}`, // duplicate names exercise the tie-breakers
      tier,
      maxAccounts,
      maxArrCents,
      segments: random.sample(SEGMENTS, random.int(1, 3)),
      industries: random.sample(INDUSTRIES, random.int(1, 4)),
      productIds,
      certifiedProductIds: TECHNICAL_IDS.filter((id) => productIds.includes(id) && random.chance(0.7)),
      region,
      timezone: random.pick(REGIONS[region] ?? []),
      languages: ["English", ...random.sample(LANGUAGES.slice(1), random.int(0, 2))],
      npsScore: random.int(-20, 80),
      retentionRate: random.int(700, 1000) / 10,
      currentAccounts: random.int(0, maxAccounts),
      currentArrCents: (maxArrCents * BigInt(random.int(0, 100))) / 100n,
    };
  });
}

function makePairs(): { account: AccountInput; deal: DealInput }[] {
  return Array.from({ length: PAIR_COUNT }, () => {
    const segment = random.pick(SEGMENTS);
    const region = random.pick(REGION_NAMES);
    const maxDollars = segment === "ENTERPRISE" ? 400_000 : segment === "MID_MARKET" ? 120_000 : 25_000;
    return {
      account: {
        segment,
        industry: random.pick(INDUSTRIES),
        region,
        timezone: random.pick(REGIONS[region] ?? []),
        primaryLanguage: random.chance(0.7) ? "English" : random.pick(LANGUAGES),
        needsOnsite: random.chance(0.2),
        arrCents: BigInt(random.int(5_000, maxDollars)) * 100n,
      },
      deal: { products: random.sample(PRODUCTS, random.int(1, 4)) },
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}

const csms = makeCsms();
const pairs = makePairs();

// Warm up both paths so the JIT has compiled them before timing.
const warm = createSuggester(csms, rules);
for (let i = 0; i < 2_000; i++) warm(pairs[i % pairs.length]!.account, pairs[i % pairs.length]!.deal);
for (let i = 0; i < 50; i++) suggestCsms({ ...pairs[i]!, csms, rules });

// 1. One suggestion over 1,000 CSMs, from scratch (indexing the CSMs included), as one API call would do it.
const single: number[] = [];
let eligible = 0;
for (let i = 0; i < SINGLE_RUNS; i++) {
  const pair = pairs[(i * 37) % pairs.length]!;
  const start = performance.now();
  const result = suggestCsms({ account: pair.account, deal: pair.deal, csms, rules });
  single.push(performance.now() - start);
  eligible += result.candidates.length;
}
single.sort((a, b) => a - b);
const p50 = percentile(single, 50);
const p95 = percentile(single, 95);
const max = single[single.length - 1] ?? Number.NaN;

// 2. 10,000 suggestions over the same 1,000 CSMs (one index, reused).
const bulkStart = performance.now();
const suggest = createSuggester(csms, rules);
let withTop = 0;
let noneEligible = 0;
for (const pair of pairs) {
  const result = suggest(pair.account, pair.deal);
  if (result.top) withTop++;
  else noneEligible++;
}
const bulkMs = performance.now() - bulkStart;

const ms = (value: number): string => `${value.toFixed(2)} ms`;
console.log(`CSM suggestion benchmark — ${CSM_COUNT} CSMs, ${PAIR_COUNT} account/deal pairs, node ${process.version}`);
console.log(
  `One suggestion over ${CSM_COUNT} CSMs (${SINGLE_RUNS} runs): p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)} ` +
    `(target < ${SINGLE_TARGET_MS} ms) ${verdict(max < SINGLE_TARGET_MS)}` +
    ` — mean ${(eligible / SINGLE_RUNS).toFixed(0)} eligible per suggestion`,
);
console.log(
  `${PAIR_COUNT} suggestions over ${CSM_COUNT} CSMs: ${ms(bulkMs)} total, ${((bulkMs * 1000) / PAIR_COUNT).toFixed(1)} µs each ` +
    `(target < ${BULK_TARGET_MS} ms) ${verdict(bulkMs < BULK_TARGET_MS)} — ${withTop} with a top candidate, ${noneEligible} with none`,
);

// 3. The server path: what submitting a handoff runs, on the company-scale data, for the open handoffs there.
const SERVER_RUNS = 40;
async function serverPath(): Promise<void> {
  const url = benchDatabaseUrl(process.argv.slice(2));
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
  } catch {
    console.log(`Server path: skipped, ${new URL(url).pathname.slice(1)} is not there (run npm run bench:generate first).`);
    return;
  }
  const handoffs = await probe.query<{ id: string }>(`SELECT id FROM "Handoff" WHERE "completedAt" IS NULL ORDER BY id LIMIT ${SERVER_RUNS}`);
  await probe.end();
  if (handoffs.rows.length === 0) throw new Error("no open handoff in the bench database");
  // lib/db reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = url;
  const { prisma } = await import("@/lib/db");
  const { loadSuggestionContext } = await import("@/lib/server/assignments/suggestion-context");
  const { computeSuggestion } = await import("@/lib/server/assignments/create-suggestion");
  const { loadCsmRoster } = await import("@/lib/server/assignments/csm-load");
  const { getSettings } = await import("@/lib/server/settings/get-settings");
  const { toSnapshot, toStored } = await import("@/lib/assignment/snapshot");
  const { suggestOverProfiles } = await import("@/lib/assignment/suggest");
  const total: number[] = [];
  const loads: number[] = [];
  let bytes = 0;
  let csmCount = 0;
  let first = 0;
  for (let i = 0; i < handoffs.rows.length + 5; i++) {
    const handoffId = handoffs.rows[i % handoffs.rows.length]!.id;
    const started = performance.now();
    const context = await loadSuggestionContext(prisma, { handoffId });
    const stored = await computeSuggestion(prisma, context, new Date());
    const elapsed = performance.now() - started;
    if (i === 0) first = elapsed;
    const loadStarted = performance.now();
    const settings = await getSettings(prisma);
    csmCount = (await loadCsmRoster(prisma, { scoring: settings.scoring, capacity: settings.capacity }, { excludeAccountId: context.accountId })).books.length;
    const loadElapsed = performance.now() - loadStarted;
    if (i < 5) continue; // warm-up
    total.push(elapsed);
    loads.push(loadElapsed);
    bytes += Buffer.byteLength(JSON.stringify(toStored(stored.snapshot)));
  }
  total.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);

  // Where the time goes: computeSuggestion's steps one by one, on the same handoffs.
  const steps = { context: [] as number[], settings: [] as number[], csms: [] as number[], engine: [] as number[], snapshot: [] as number[] };
  for (let i = 0; i < handoffs.rows.length + 5; i++) {
    const handoffId = handoffs.rows[i % handoffs.rows.length]!.id;
    const t0 = performance.now();
    const context = await loadSuggestionContext(prisma, { handoffId });
    const t1 = performance.now();
    const settings = await getSettings(prisma);
    const t2 = performance.now();
    const roster = await loadCsmRoster(prisma, { scoring: settings.scoring, capacity: settings.capacity }, { excludeAccountId: context.accountId });
    const t3 = performance.now();
    const suggestion = suggestOverProfiles(roster.index, roster.books, context.account, context.deal);
    const t4 = performance.now();
    JSON.stringify(toStored(toSnapshot(suggestion, { computedAt: new Date(), accountArrCents: context.account.arrCents, products: context.products })));
    const t5 = performance.now();
    if (i < 5) continue;
    steps.context.push(t1 - t0);
    steps.settings.push(t2 - t1);
    steps.csms.push(t3 - t2);
    steps.engine.push(t4 - t3);
    steps.snapshot.push(t5 - t4);
  }
  const step = (values: number[]): string => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))}`;
  };
  console.log(
    `Server path over ${csmCount} CSMs (${total.length} open handoffs): p50 ${ms(percentile(total, 50))}, p95 ${ms(percentile(total, 95))} ` +
      `(target < ${SINGLE_TARGET_MS} ms) ${verdict(percentile(total, 95) < SINGLE_TARGET_MS)} — of which loading the CSMs and their books ` +
      `p50 ${ms(percentile(loads, 50))}; snapshot ${Math.round(bytes / total.length).toLocaleString("en-US")} bytes stored; the process's first ` +
      `(settings and CSM profiles read and indexed, cold JIT) ${ms(first)}`,
  );
  console.log(
    `  per step p50 / p95: context ${step(steps.context)}, settings ${step(steps.settings)}, CSMs and books ${step(steps.csms)}, ` +
      `engine ${step(steps.engine)}, snapshot stored as JSON ${step(steps.snapshot)}`,
  );
  const measures = measureLog();
  measures.add("Server path, one suggestion", total);
  measures.add("  … of which loading the CSMs and their books", loads, true);
  measures.save();
  await prisma.$disconnect();
}

// `--vs baton_bench_10x`: the server path on both databases, then side by side (scripts/bench/versus.ts); the target
// is 1×'s. The in-memory figures above do not depend on a database.
if (versusDatabase(process.argv.slice(2))) await runVersus("Suggestion on the server path", { p95Ms: SINGLE_TARGET_MS, judged: "base" });
else await serverPath();
