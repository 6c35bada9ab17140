// `npm run bench:forecast` — times the forecast page's queries on the company-scale data of `npm run bench:generate`
// (database `baton_bench`, or `--url …`). The generator fills the forecast tables (scripts/bench/forecast-fill.ts); on a
// bench database generated before it did, the first run fills them with the same statements.
//
// For each of the page's reads (and the dashboard's accuracy figure) it prints p50 / p95 of the lib/server code that
// runs (queries + the pure roll-up arithmetic) next to p50 / p95 of its floor: the cheapest correct SQL a DBA would
// write by hand for the same answer (scripts/bench/forecast-floors.ts, not the function's own statements), run
// through the same client, and whether both agree ("same"). Ratio = function p50 ÷ floor p50. PASS when p95 < 200 ms,
// the ratio ≤ 1.5 and the answers agree. A benchmark, not a test: the machine's other load shows up in the figures.
//
// Runs under `tsx --conditions=react-server` so the server modules' `server-only` marker resolves.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SumRow } from "@/lib/server/forecast/get-forecast";
import { benchDatabaseUrl } from "./bench-database";
import { FORECAST_ANALYZE, FORECAST_FILL } from "./forecast-fill";
import * as floors from "./forecast-floors";
import { measureLog, runVersus, versusDatabase } from "./versus";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const P95_TARGET_MS = 200;
const RATIO_TARGET = 1.5;

const url = benchDatabaseUrl(process.argv.slice(2));
// lib/db reads DATABASE_URL when first imported: point it at the bench database before loading any server module.
process.env.DATABASE_URL = url;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { prisma } = await import("@/lib/db");
  const { quarterOf, quarterRange } = await import("@/lib/renewals/quarter");
  const { rollUpSums } = await import("@/lib/forecast/retention");
  const { addCalendarDaysUtc, weekStartOf } = await import("@/lib/forecast/week");
  const { forecastContext } = await import("@/lib/server/forecast/context");
  const { readForecastRows } = await import("@/lib/server/forecast/forecast-rows");
  const forecast = await import("@/lib/server/forecast/get-forecast");

  const [filled] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ForecastSnapshot"`;
  if ((filled?.n ?? 0) === 0) {
    console.log("Filling the bench database's forecast tables (first run)…");
    for (const [label, statement] of FORECAST_FILL) {
      const started = performance.now();
      await prisma.$executeRawUnsafe(statement);
      console.log(`  ${label} … ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const statement of FORECAST_ANALYZE) await prisma.$executeRawUnsafe(statement);
  }

  const user = async (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const [leader, csm] = await Promise.all([
    user("bench_leader"),
    prisma.$queryRaw<{ id: string }[]>`SELECT "csmId" AS id FROM "Account" WHERE "csmId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.then(([row]) => user(row!.id)),
  ]);
  const context = await forecastContext(new Date());
  const quarter = quarterOf(context.today);
  const params = forecast.forecastParams.parse({ quarter });
  const { start } = quarterRange(quarter);
  const { end: nextEnd } = quarterRange(forecast.nextQuarter(quarter));
  const rowsContext = { ...context, settings: context.settings.forecast };
  const rowsWhere = forecast.quarterRowsWhere(leader, params, start, nextEnd);
  const lastWeek = addCalendarDaysUtc(weekStartOf(context.today), -7);

  const [counts] = await prisma.$queryRaw<{ renewals: number; forecasts: number; snapshots: number; due: number }[]>`
    SELECT (SELECT count(*) FROM "RenewalOpportunity")::int AS renewals, (SELECT count(*) FROM "RenewalForecast")::int AS forecasts,
           (SELECT count(*) FROM "ForecastSnapshot")::int AS snapshots,
           (SELECT count(*) FROM "RenewalOpportunity" WHERE "renewalDate" >= ${start}::date AND "renewalDate" < ${nextEnd}::date)::int AS due`;
  console.log(`Forecast benchmark — ${JSON.stringify(counts)} (due = this quarter and the next, ${quarter}); ${RUNS} runs after ${WARMUP} warm-up`);
  console.log(`targets: p95 < ${P95_TARGET_MS} ms, ratio ≤ ${RATIO_TARGET}\n`);

  const { end } = quarterRange(quarter);
  const thisQuarter = forecast.quarterRowsWhere(leader, params, start, end);
  const { dashboardContext } = await import("@/lib/server/dashboard/context");
  const { dashboardParams } = await import("@/lib/dashboard/params");
  const { getForecastAccuracy } = await import("@/lib/server/dashboard/get-forecast-accuracy");
  const dashboard = await dashboardContext(leader, dashboardParams.parse({}));
  const one = (sql: Prisma.Sql) => [sql];
  // Each case: the lib/server code the page runs, and the floor's statements (run at once when more than one, as the
  // function runs its own). `agree` compares what both return.
  const cases: { name: string; run: () => Promise<unknown>; floor: Prisma.Sql[] | null; agree?: (fn: unknown, floor: unknown[][]) => boolean }[] = [
    {
      name: "Quarter sums + roll-up (leadership)",
      run: async () => {
        const groups = await prisma.$queryRaw<SumRow[]>(forecast.forecastSumsSql(rowsWhere, end));
        return { groups, rollUp: rollUpSums(forecast.csmSums(groups.filter((group) => !group.next))) };
      },
      floor: one(floors.quarterSumsFloor(start, end, nextEnd)),
      agree: (fn, [rows]) => {
        const { groups } = fn as { groups: SumRow[] };
        const total = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
        const floorRows = rows as { expected: bigint; due: bigint; uplift: bigint; retained: bigint }[];
        return groups.length === floorRows.length && total(groups.map((g) => g.expectedCents)) === total(floorRows.map((r) => r.expected))
          && total(groups.map((g) => g.dueCents)) === total(floorRows.map((r) => r.due)) && total(groups.map((g) => g.upliftExpectedCents)) === total(floorRows.map((r) => r.uplift))
          && total(groups.map((g) => g.grossRetainedCents)) === total(floorRows.map((r) => r.retained));
      },
    },
    {
      // The floor this benchmark used before: one bare GROUP BY by CSM and category, with the count and two sums only
      // (neither the closed buckets, the next quarter, nor GRR / NRR's sums) — less than the page's answer, kept as a
      // lower bound.
      name: "  … against the bare GROUP BY (2 sums)",
      run: async () => rollUpSums(forecast.csmSums((await prisma.$queryRaw<SumRow[]>(forecast.forecastSumsSql(rowsWhere, end))).filter((group) => !group.next))),
      floor: one(floors.bareRollUpFloor(start, nextEnd)),
    },
    {
      name: "Page of 50 rows with likelihood",
      run: () => readForecastRows(thisQuarter, rowsContext, prisma, { take: 50, skip: 0 }),
      floor: one(floors.pageFloor(start, end, context.today, context.now)),
      agree: (fn, [rows]) => JSON.stringify((fn as { id: string }[]).map((r) => r.id)) === JSON.stringify((rows as { id: string }[]).map((r) => r.id)),
    },
    {
      name: "This week's states (the changes)",
      run: () => prisma.$queryRaw(forecast.weekStatesSql(thisQuarter, forecast.cutsAccounts(leader, params))),
      floor: one(floors.weekStatesFloor(start, end)),
      agree: (fn, [rows]) => (fn as unknown[]).length === rows!.length,
    },
    {
      name: "Last week's snapshots",
      run: () => prisma.$queryRaw(forecast.lastWeekSnapshotsSql(leader, params, quarter, lastWeek)),
      floor: one(floors.lastWeekFloor(start, end, lastWeek)),
      agree: (fn, [rows]) => (fn as unknown[]).length === rows!.length,
    },
    {
      name: "Churn and downsell reasons",
      run: () => prisma.$queryRaw(forecast.reasonSummarySql(leader, params, quarter)),
      floor: one(floors.reasonsFloor(start, end)),
      agree: (fn, [rows]) => (fn as unknown[]).length === rows!.length,
    },
    {
      name: "Accuracy: closed renewals at 90/30",
      run: () => forecast.forecastAccuracy(leader, forecast.forecastCutsSql(leader, params), context.today),
      floor: floors.accuracyFloor(context.today),
      agree: (fn, [groups, surprises]) => {
        const accuracy = fn as Awaited<ReturnType<typeof forecast.forecastAccuracy>>;
        const rows = groups as { n90: number; error30: bigint; surprises: number }[];
        return accuracy.surprises.items.length + accuracy.surprises.more === surprises!.length && accuracy.company.at90.renewals === rows.reduce((a, r) => a + r.n90, 0)
          && accuracy.company.at30.absErrorCents === rows.reduce((a, r) => a + r.error30, 0n) && accuracy.company.lateSurprises === rows.reduce((a, r) => a + r.surprises, 0);
      },
    },
    {
      name: "Dashboard forecast accuracy (leadership)",
      run: () => getForecastAccuracy(dashboard),
      floor: one(floors.companyAccuracyFloor(context.today)),
      agree: (fn, [rows]) => {
        const row = rows?.[0];
        const figures = fn as Awaited<ReturnType<typeof getForecastAccuracy>>;
        const floor = row as { n30: number; error90: bigint; brier_n: number };
        return figures?.at30.renewals === floor.n30 && figures.at90.absErrorCents === floor.error90;
      },
    },
    { name: "Whole page (leadership)", run: () => forecast.getForecast(leader, params), floor: null },
    { name: "Whole page (largest CSM book)", run: () => forecast.getForecast(csm, params), floor: null },
  ];

  const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(1)).padStart(7);
  console.log(`${"read".padEnd(40)} ${"fn p50".padStart(7)} ${"fn p95".padStart(7)} ${"floor50".padStart(7)} ${"floor95".padStart(7)} ${"ratio".padStart(6)}  same  result`);
  let failures = 0;
  const measures = measureLog();
  for (const entry of cases) {
    const raw = entry.floor ? () => Promise.all(entry.floor!.map((sql) => prisma.$queryRawUnsafe<unknown[]>(sql.text, ...sql.values))) : null;
    const same = raw && entry.agree ? entry.agree(await entry.run(), await raw()) : null;
    for (let i = 0; i < WARMUP; i++) {
      await entry.run();
      if (raw) await raw();
    }
    const fn: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      fn.push(await time(entry.run));
      if (raw) floor.push(await time(raw));
    }
    fn.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    const ratio = raw ? percentile(fn, 50) / percentile(floor, 50) : Number.NaN;
    const pass = percentile(fn, 95) < P95_TARGET_MS && (!raw || ratio <= RATIO_TARGET) && same !== false;
    if (!pass) failures++;
    measures.add(entry.name, fn);
    console.log(`${entry.name.padEnd(40)} ${ms(percentile(fn, 50))} ${ms(percentile(fn, 95))} ${ms(percentile(floor, 50))} ${ms(percentile(floor, 95))} ${(raw ? ratio.toFixed(2) : "—").padStart(6)}  ${(same === null ? "—" : same ? "yes" : "NO").padEnd(4)}  ${pass ? "PASS" : "FAIL"}`);
  }
  console.log(`\n${failures === 0 ? "All reads PASS" : `${failures} FAIL`}. Times in ms.`);
  measures.save();
  await prisma.$disconnect();
  process.exitCode = failures === 0 ? 0 : 1;
}

// `--vs baton_bench_10x`: the same on both databases, then side by side (scripts/bench/versus.ts).
(versusDatabase(process.argv.slice(2))
  ? runVersus("Forecast benchmark", { p95Ms: P95_TARGET_MS, judged: "every scale" }).then((failures) => void (process.exitCode = failures === 0 ? 0 : 1))
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
