// `npm run bench:dashboard` — times every dashboard measure on the company-scale data of `npm run bench:generate`
// (database `baton_bench`, or `--url …`). For each measure it prints p50 / p95 of its lib/server function, called as
// the dashboard page calls it (the rules read once per page and handed to every measure); p50 of the function's own
// statement run directly ("stmt p50", what the function adds to its query); and p50 / p95 of the floor: the cheapest
// correct SQL a DBA would write by hand for the same answer (scripts/bench/dashboard-floors.ts), checked to return
// the same rows ("same"; where both read a summary, also the same as the answer from the rows themselves). Ratio = function p50 ÷ floor p50, so a bad query shape in a measure shows. PASS when the
// function's p95 is under 200 ms, the ratio at most 1.5 and the answers agree. `--sql` prints each floor's SQL.
// A benchmark, not a test: the machine's other load shows up in the figures.
import type { Prisma } from "@/lib/generated/prisma/client";
import { benchDatabaseUrl } from "./bench-database";
import { measureLog, runVersus, versusDatabase } from "./versus";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const P95_TARGET_MS = 200;
const RATIO_TARGET = 1.5;

const url = benchDatabaseUrl(process.argv.slice(2));
// lib/db reads DATABASE_URL when first imported: point it at the bench database before loading any server module.
process.env.DATABASE_URL = url;

interface Case {
  name: string;
  run: () => Promise<unknown>;
  /** The one statement the function sends; null for composites that have no single floor. */
  sql: (() => Prisma.Sql) | null;
  /** The hand-written floor for the same answer. */
  floor: (() => Prisma.Sql) | null;
  /** Where the function and the floor both read a summary: the answer from the rows themselves, which they must match. */
  raw?: () => Prisma.Sql;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { prisma } = await import("@/lib/db");
  const { dashboardParams } = await import("@/lib/dashboard/params");
  const { resolvePeriod } = await import("@/lib/dashboard/period");
  const { dashboardContext, measureContext } = await import("@/lib/server/dashboard/context");
  const { dashboardScope, creditScope } = await import("@/lib/server/dashboard/scope");
  const retention = await import("@/lib/server/dashboard/get-retention");
  const renewals = await import("@/lib/server/dashboard/get-renewal-visibility");
  const ttfv = await import("@/lib/server/dashboard/get-time-to-first-value");
  const handoffs = await import("@/lib/server/dashboard/get-handoff-measures");
  const load = await import("@/lib/server/dashboard/get-csm-load");
  const pipeline = await import("@/lib/server/dashboard/get-expansion-pipeline");
  const credit = await import("@/lib/server/dashboard/get-expansion-credit");
  const bridge = await import("@/lib/server/dashboard/get-arr-bridge");
  const { getDashboard } = await import("@/lib/server/dashboard/get-dashboard");
  const { trendMonths } = await import("@/lib/dashboard/period");
  const { TTFV_BUCKETS } = await import("@/lib/dashboard/ttfv");
  const floors = await import("./dashboard-floors");

  const user = async (id: string) =>
    prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const [leader, manager, csm, ae] = await Promise.all([user("bench_leader"), user("bench_mgr_001"), user("bench_csm_0004"), user("bench_ae_007")]);
  const counts = await prisma.$queryRaw<{ accounts: number; movements: number; deals: number; csms: number }[]>`
    SELECT (SELECT count(*) FROM "Account")::int AS accounts, (SELECT count(*) FROM "ArrMovement")::int AS movements,
           (SELECT count(*) FROM "Deal")::int AS deals, (SELECT count(*) FROM "User" WHERE role = 'CSM')::int AS csms`;

  const context = await measureContext();
  const params = dashboardParams.parse({});
  const scale = dashboardParams.parse({ segment: "SCALE" });
  const period = resolvePeriod(params.period, context.today);
  const { from, until } = renewals.renewalWindow(context.today);
  const window = handoffs.handoffWindow(period, context.settings.calendar.timezone);
  const all = dashboardScope(leader, params);
  const team = dashboardScope(manager, params);
  const book = dashboardScope(csm, params);
  const months = context.settings.expansionCredit.windowMonths;
  const loadBuckets = load.LOAD_BUCKETS.map((bucket) => bucket.sql);
  // Each request computes its context once (scope, period, settings); the cases time the measures on it.
  const [asLeader, asLeaderScale, asManager, asCsm, asAe] = await Promise.all([
    dashboardContext(leader, params, context),
    dashboardContext(leader, scale, context),
    dashboardContext(manager, params, context),
    dashboardContext(csm, params, context),
    dashboardContext(ae, params, context),
  ]);

  const cases: Case[] = [
    { name: "GRR / NRR / logo retention", run: () => retention.getRetention(asLeader), sql: () => retention.retentionQuery(all, period), floor: () => floors.retentionFloor({}, period) },
    { name: "  … segment Scale", run: () => retention.getRetention(asLeaderScale), sql: () => retention.retentionQuery(dashboardScope(leader, scale), period), floor: () => floors.retentionFloor({ segment: "SCALE" }, period) },
    { name: "  … CS manager's team", run: () => retention.getRetention(asManager), sql: () => retention.retentionQuery(team, period), floor: () => floors.retentionFloor({ teamOf: manager.id }, period) },
    { name: "  … CSM's own book", run: () => retention.getRetention(asCsm), sql: () => retention.retentionQuery(book, period), floor: () => floors.retentionFloor({ csmId: csm.id }, period) },
    { name: "Retention trend, 24 months", run: () => retention.getRetentionTrend(asLeader), sql: () => retention.retentionTrendQuery(all, period), floor: () => floors.retentionTrendFloor({}, trendMonths(period.lastMonth)) },
    { name: "  … segment Scale", run: () => retention.getRetentionTrend(asLeaderScale), sql: () => retention.retentionTrendQuery(dashboardScope(leader, scale), period), floor: () => floors.retentionTrendFloor({ segment: "SCALE" }, trendMonths(period.lastMonth)) },
    { name: "  … CS manager's team", run: () => retention.getRetentionTrend(asManager), sql: () => retention.retentionTrendQuery(team, period), floor: () => floors.retentionTrendFloor({ teamOf: manager.id }, trendMonths(period.lastMonth)), raw: () => floors.retentionTrendRaw({ teamOf: manager.id }, trendMonths(period.lastMonth)) },
    // Shown for reference: three statements (ends and terms from ArrMovementMonth, the losses by reason from
    // ArrLossMonth). The ends' and the losses' summary reads are timed and checked against the rows below (and in
    // tests/integration/dashboard-measure-summaries.test.ts).
    { name: "ARR bridge (ends, terms, losses)", run: () => bridge.getArrBridge(asLeader), sql: null, floor: null },
    {
      name: "  … ARR bridge ends",
      run: () => prisma.$queryRawUnsafe(bridge.bridgeEndsSql(all, period).text, ...bridge.bridgeEndsSql(all, period).values),
      sql: () => bridge.bridgeEndsSql(all, period),
      floor: () => floors.arrBridgeEndsFloor(period),
      raw: () => floors.arrBridgeEndsRaw(period),
    },
    {
      name: "  … ARR bridge losses by reason",
      run: () => prisma.$queryRawUnsafe(bridge.bridgeLossesSql(all, period).text, ...bridge.bridgeLossesSql(all, period).values),
      sql: () => bridge.bridgeLossesSql(all, period),
      floor: () => floors.arrBridgeLossesFloor(period),
      raw: () => floors.arrBridgeLossesRaw(period),
    },
    { name: "Renewal visibility at 90 days", run: () => renewals.getRenewalVisibility(asLeader), sql: () => renewals.renewalVisibilityQuery(all, from, until), floor: () => floors.renewalVisibilityFloor(from, until), raw: () => floors.renewalVisibilityRaw(from, until) },
    { name: "Time to first value", run: () => ttfv.getTimeToFirstValue(asLeader), sql: () => ttfv.timeToFirstValueQuery(all, period), floor: () => floors.timeToFirstValueFloor(period, TTFV_BUCKETS), raw: () => floors.timeToFirstValueRaw(period, TTFV_BUCKETS) },
    {
      name: "Handoff SLA and satisfaction",
      run: () => handoffs.getHandoffMeasures(asLeader),
      sql: () => handoffs.handoffMeasuresQuery(all, window.from, window.until, context.now),
      floor: () => floors.handoffFloor(window.from, window.until, context.now),
      raw: () => floors.handoffRaw(window.from, window.until, context.now),
    },
    { name: "CSM load distribution", run: () => load.getCsmLoad(asLeader), sql: () => load.csmLoadQuery(all), floor: () => floors.csmLoadFloor({}, 12, loadBuckets), raw: () => floors.csmLoadFloor({}, 12, loadBuckets, true) },
    { name: "  … CS manager's team", run: () => load.getCsmLoad(asManager), sql: () => load.csmLoadQuery(team), floor: () => floors.csmLoadFloor({ teamOf: manager.id }, 12, loadBuckets), raw: () => floors.csmLoadFloor({ teamOf: manager.id }, 12, loadBuckets, true) },
    { name: "Expansion pipeline", run: () => pipeline.getExpansionPipeline(asLeader), sql: () => pipeline.expansionPipelineQuery(all), floor: () => floors.expansionPipelineFloor(["PROSPECTING", "DISCOVERY", "PROPOSAL", "NEGOTIATION"]), raw: () => floors.expansionPipelineRaw(["PROSPECTING", "DISCOVERY", "PROPOSAL", "NEGOTIATION"]) },
    {
      name: "AE expansion credit, all AEs",
      run: () => credit.getExpansionCredit(asLeader),
      sql: () => credit.expansionCreditQuery(all, period, months),
      floor: () => floors.expansionCreditFloor({}, period, months),
      raw: () => floors.expansionCreditRaw({}, period, months),
    },
    {
      name: "  … an AE's own",
      run: () => credit.getExpansionCredit(asAe),
      sql: () => credit.expansionCreditQuery(creditScope(ae, params), period, months),
      floor: () => floors.expansionCreditFloor({ aeId: ae.id }, period, months),
    },
    { name: "Whole dashboard (all in parallel)", run: () => getDashboard(leader, params), sql: null, floor: null },
    { name: "Whole dashboard, CS manager's team", run: () => getDashboard(manager, params), sql: null, floor: null },
    { name: "Whole dashboard, CSM's own book", run: () => getDashboard(csm, params), sql: null, floor: null },
  ];

  const viaPrisma = (sql: Prisma.Sql) => () => prisma.$queryRawUnsafe<unknown[]>(sql.text, ...sql.values);
  const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(1)).padStart(7);
  // Rows compared as text (bigints and dates included), the order kept: the floor must give the same answer.
  const canonical = (rows: unknown) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  const showSql = process.argv.includes("--sql");

  console.log(
    `Dashboard benchmark — ${counts[0]?.accounts.toLocaleString("en-US")} accounts, ${counts[0]?.csms.toLocaleString("en-US")} CSMs, ` +
      `${counts[0]?.deals.toLocaleString("en-US")} deals, ${counts[0]?.movements.toLocaleString("en-US")} ARR movements; ` +
      `${RUNS} runs each after ${WARMUP} warm-up, node ${process.version}`,
  );
  console.log(`Period ${period.start.toISOString().slice(0, 10)} – ${period.end.toISOString().slice(0, 10)}; targets: p95 < ${P95_TARGET_MS} ms, ratio ≤ ${RATIO_TARGET}\n`);
  console.log(
    `${"measure".padEnd(36)} ${"fn p50".padStart(7)} ${"fn p95".padStart(7)} ${"stmt p50".padStart(8)} ${"floor50".padStart(7)} ${"floor95".padStart(7)} ` +
      `${"ratio".padStart(6)} ${"same".padStart(4)}  result`,
  );
  let failures = 0;
  const measures = measureLog();
  // `--only <text>` runs the measures whose name contains it (while tuning one).
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "") : "";
  for (const entry of cases.filter((item) => item.name.includes(only))) {
    const statement = entry.sql?.() ?? null;
    const floorSql = entry.floor?.() ?? null;
    const stmt = statement ? viaPrisma(statement) : null;
    const floor = floorSql ? viaPrisma(floorSql) : null;
    // A summary read is also checked against the rows themselves (entry.raw), so a drifting summary shows as "NO".
    const answer = stmt ? canonical(await stmt()) : null;
    const rawSql = entry.raw?.() ?? null;
    const same =
      statement && floorSql ? answer === canonical(await floor?.()) && (!rawSql || answer === canonical(await viaPrisma(rawSql)())) : null;
    for (let i = 0; i < WARMUP; i++) {
      await entry.run();
      if (stmt) await stmt();
      if (floor) await floor();
    }
    const fn: number[] = [];
    const stmtTimes: number[] = [];
    const floorTimes: number[] = [];
    // Interleaved, so a busy moment on the machine hits all three series alike.
    for (let i = 0; i < RUNS; i++) {
      fn.push(await time(entry.run));
      if (stmt) stmtTimes.push(await time(stmt));
      if (floor) floorTimes.push(await time(floor));
    }
    for (const series of [fn, stmtTimes, floorTimes]) series.sort((a, b) => a - b);
    const [fn50, fn95, floor50, floor95] = [percentile(fn, 50), percentile(fn, 95), percentile(floorTimes, 50), percentile(floorTimes, 95)];
    const ratio = floor ? fn50 / floor50 : Number.NaN;
    const pass = fn95 < P95_TARGET_MS && (!floor || (ratio <= RATIO_TARGET && same === true));
    // The whole page is shown for reference: its parts are the measures above, it has no single statement.
    const verdict = floor ? (pass ? "PASS" : "FAIL") : "(info)";
    if (floor && !pass) failures++;
    measures.add(entry.name, fn, !floor);
    console.log(
      `${entry.name.padEnd(36)} ${ms(fn50)} ${ms(fn95)} ${ms(percentile(stmtTimes, 50)).padStart(8)} ${ms(floor50)} ${ms(floor95)} ` +
        `${(floor ? ratio.toFixed(2) : "—").padStart(6)} ${(same === null ? "—" : same ? "yes" : "NO").padStart(4)}  ${verdict}`,
    );
    if (showSql && floorSql) console.log(`${floorSql.text.replace(/\s+/g, " ").trim()}\n  -- ${JSON.stringify(floorSql.values)}\n`);
  }
  console.log(`\n${failures === 0 ? "All measures PASS" : `${failures} FAIL`}. Times in ms.`);
  measures.save();
  await prisma.$disconnect();
}

// `--vs baton_bench_10x`: the same on both databases, then side by side (scripts/bench/versus.ts).
(versusDatabase(process.argv.slice(2)) ? runVersus("Dashboard benchmark", { p95Ms: P95_TARGET_MS, judged: "every scale" }) : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
