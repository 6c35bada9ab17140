// `npm run bench:forecast` — times the forecast page's queries on the company-scale data of `npm run bench:generate`
// (database `baton_bench`, or `--url …`). The generator fills the forecast tables (scripts/bench/forecast-fill.ts); on a
// bench database generated before it did, the first run fills them with the same statements.
//
// For each of the page's reads (and the dashboard's accuracy figure) it prints p50 / p95 of the lib/server code that
// runs (queries + the pure roll-up arithmetic) next to p50 / p95 of its floor: the cheapest correct SQL a DBA would
// write by hand for the same answer (scripts/bench/forecast-floors.ts, not the function's own statements; for the
// figures, a read of the forecast page's summaries), run through the same client, and whether the function, the floor
// and the same answer computed from the rows themselves (once, untimed) agree ("same"). Ratio = function p50 ÷ floor
// p50. PASS when p95 < 200 ms, the ratio ≤ 1.5 and the answers agree; "info" lines are for reference only. A
// benchmark, not a test: the machine's other load shows up in the figures.
//
// Runs under `tsx --conditions=react-server` so the server modules' `server-only` marker resolves.
import { accuracyBlock } from "@/lib/forecast/accuracy-window";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ForecastCategory } from "@/lib/generated/prisma/enums";
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
  const { addCalendarDaysUtc, weekStartOf } = await import("@/lib/forecast/week");
  const { forecastContext } = await import("@/lib/server/forecast/context");
  const { readForecastRows } = await import("@/lib/server/forecast/forecast-rows");
  const forecast = await import("@/lib/server/forecast/get-forecast");
  const { accuracyCsms } = await import("@/lib/forecast/page-rows");
  const { emptySums } = await import("@/lib/forecast/retention");

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
  const { rollUpTeams } = await import("@/lib/forecast/retention");
  const { waterfallFromTallies, weekWaterfall } = await import("@/lib/forecast/changes");
  const { ACCOUNTS_PER_REASON, SURPRISES_SHOWN } = await import("@/lib/forecast/page-rows");
  const summaries = await import("@/lib/server/forecast/forecast-summaries");
  const dashboard = await dashboardContext(leader, dashboardParams.parse({}));
  const cuts = summaries.summaryCutsSql(leader, params);
  const one = (sql: Prisma.Sql) => [sql];
  const text = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
  const total = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  const perBucket = (rows: { next: boolean; bucket: string | number; renewals: number; cents: bigint; expected: bigint; retained: bigint; uplift: bigint }[]) => {
    const names = ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK", "OMITTED", "CLOSED_WON", "CLOSED_LOST"];
    const map = new Map<string, [number, bigint, bigint, bigint, bigint]>();
    for (const row of rows) {
      const key = `${row.next}|${typeof row.bucket === "number" ? names[row.bucket] : row.bucket}`;
      const [n, cents, expected, retained, uplift] = map.get(key) ?? [0, 0n, 0n, 0n, 0n];
      map.set(key, [n + row.renewals, cents + row.cents, expected + row.expected, retained + row.retained, uplift + row.uplift]);
    }
    return text([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
  };
  const fromSumRows = (rows: SumRow[]) => rows.map((g) => ({ next: g.next, bucket: g.bucket, renewals: g.renewals, cents: g.bucketCents, expected: g.expectedCents, retained: g.grossRetainedCents, uplift: g.upliftExpectedCents }));
  const fromFloorRows = (rows: unknown[]) => (rows as { next: boolean; bucket: string | number; renewals: number; bucket_cents: bigint; expected: bigint; retained: bigint; uplift: bigint }[])
    .map((r) => ({ next: r.next, bucket: r.bucket, renewals: r.renewals, cents: r.bucket_cents, expected: r.expected, retained: r.retained, uplift: r.uplift }));
  const teamSums = () => prisma.$queryRaw<SumRow[]>(summaries.teamSumsSql(leader, params, start, end));
  const weekStates = async () => {
    const [states, previous] = await Promise.all([
      prisma.$queryRawUnsafe<{ id: string; open: boolean; category: ForecastCategory; amountCents: bigint }[]>(floors.rawWeekStates(start, end).text, ...floors.rawWeekStates(start, end).values),
      prisma.$queryRawUnsafe<{ id: string; category: ForecastCategory; amountCents: bigint }[]>(floors.rawLastWeek(start, end, lastWeek).text, ...floors.rawLastWeek(start, end, lastWeek).values),
    ]);
    return weekWaterfall(new Map(previous.map((row) => [row.id, { open: true, category: row.category, amountCents: row.amountCents }])), new Map(states.map((row) => [row.id, row])));
  };
  const openNow = async () => {
    const sums = forecast.csmSums((await teamSums()).filter((group) => !group.next));
    const open = { renewals: 0, cents: 0n };
    for (const group of sums) for (const bucket of ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK"] as const) {
      open.renewals += group.sums.buckets[bucket].renewals;
      open.cents += group.sums.buckets[bucket].cents;
    }
    return open;
  };
  const open = await openNow();
  const block = accuracyBlock(context.today);
  // The CSMs as the page shows them: the summaries return only those, with the count of all.
  const noTeams = { id: null, name: "Company", sums: emptySums(), children: [] };
  const accuracyAnswer = (accuracy: Awaited<ReturnType<typeof forecast.readAccuracy>>) => text({
    company: accuracy.company, segments: accuracy.bySegment, managers: accuracy.byManager, surprises: accuracy.surprises,
    csms: accuracyCsms(accuracy.byCsm, noTeams, undefined, accuracy.csmCount),
  });
  // Each case: the lib/server code the page runs, the floor's statements (run at once when more than one, as the
  // function runs its own), and `agree`: whether the function, the floor and the answer from the rows (`raw`, once,
  // untimed) are the same. `info`: printed for reference, neither PASS nor FAIL.
  const cases: { name: string; run: () => Promise<unknown>; floor: Prisma.Sql[] | null; raw?: () => Promise<unknown>; agree?: (fn: unknown, floor: unknown[][], raw: unknown) => boolean; info?: boolean }[] = [
    {
      name: "Quarter sums + roll-up (leadership)",
      run: async () => {
        const groups = await teamSums();
        return { groups, rollUp: rollUpTeams(forecast.csmSums(groups.filter((group) => !group.next)), []) };
      },
      floor: one(floors.quarterSumsFloor(start, end)),
      raw: () => prisma.$queryRawUnsafe<unknown[]>(floors.rawQuarterSums(start, end, nextEnd).text, ...floors.rawQuarterSums(start, end, nextEnd).values),
      agree: (fn, [rows], raw) => {
        const { groups } = fn as { groups: SumRow[] };
        const answer = perBucket(fromSumRows(groups));
        return answer === perBucket(fromFloorRows(rows!)) && answer === perBucket(fromFloorRows(raw as unknown[]))
          && total(groups.map((g) => g.dueCents)) === total((raw as { due: bigint }[]).map((g) => g.due));
      },
    },
    {
      // From the rows: one bare GROUP BY by CSM and category with the count and two sums only (less than the page's
      // answer) — what the figures cost without the summaries, for reference.
      name: "  … the rows' bare GROUP BY (info)",
      run: () => prisma.$queryRawUnsafe(floors.bareRollUp(start, nextEnd).text, ...floors.bareRollUp(start, nextEnd).values),
      floor: null,
      info: true,
    },
    {
      name: "Page of 50 rows with likelihood",
      run: () => readForecastRows(thisQuarter, rowsContext, prisma, { take: 50, skip: 0 }),
      floor: one(floors.pageFloor(start, end, context.today, context.now)),
      agree: (fn, [rows]) => JSON.stringify((fn as { id: string }[]).map((r) => r.id)) === JSON.stringify((rows as { id: string }[]).map((r) => r.id)),
    },
    {
      name: "Changes since last week (waterfall)",
      run: async () => waterfallFromTallies(await prisma.$queryRaw(summaries.weekChangesSql(cuts, start, lastWeek)), open),
      floor: floors.weekChangesFloor(start, lastWeek),
      raw: weekStates,
      agree: (fn, [tallies, openRows], raw) => {
        const floorOpen = openRows![0] as { renewals: number; cents: bigint };
        const floorTallies = (tallies as { kind: number; renewals: number; delta: bigint; last_week: bigint; this_week: bigint; in_forecast: number }[])
          .map((t) => ({ kind: t.kind, renewals: t.renewals, deltaCents: t.delta, lastWeekCents: t.last_week, thisWeekCents: t.this_week, inForecast: t.in_forecast }));
        return text(fn) === text(raw) && text(fn) === text(waterfallFromTallies(floorTallies, floorOpen));
      },
    },
    {
      name: "Churn and downsell reasons",
      run: () => forecast.readReasons(leader, params, quarter, "summaries"),
      floor: one(floors.reasonsFloor(start, ACCOUNTS_PER_REASON)),
      raw: () => forecast.readReasons(leader, params, quarter, "rows"),
      agree: (fn, [rows], raw) => {
        const reasons = fn as Awaited<ReturnType<typeof forecast.readReasons>>;
        const floorRows = rows as { reason: string; addressable: number; lost: bigint }[];
        return text(reasons) === text(raw) && total(reasons.map((r) => r.lostCents)) === total([...new Map(floorRows.map((r) => [`${r.reason}|${r.addressable}`, BigInt(r.lost)])).values()]);
      },
    },
    {
      name: "Accuracy: closed renewals at 90/30",
      run: () => forecast.readAccuracy(leader, params, context.today, "summaries"),
      floor: floors.accuracyFloor(block, SURPRISES_SHOWN),
      raw: () => forecast.readAccuracy(leader, params, context.today, "rows"),
      agree: (fn, [groups, surprises], raw) => {
        const accuracy = fn as Awaited<ReturnType<typeof forecast.readAccuracy>>;
        const rows = groups as { n90: number; error30: bigint; surprises: number }[];
        return accuracyAnswer(accuracy) === accuracyAnswer(raw as typeof accuracy) && accuracy.surprises.items.length === surprises!.length
          && accuracy.company.at90.renewals === rows.reduce((a, r) => a + r.n90, 0) && accuracy.company.at30.absErrorCents === rows.reduce((a, r) => a + r.error30, 0n)
          && accuracy.company.lateSurprises === rows.reduce((a, r) => a + r.surprises, 0);
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
    const same = raw && entry.agree ? entry.agree(await entry.run(), await raw(), await entry.raw?.()) : null;
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
    if (!pass && !entry.info) failures++;
    measures.add(entry.name, fn, entry.info);
    console.log(`${entry.name.padEnd(40)} ${ms(percentile(fn, 50))} ${ms(percentile(fn, 95))} ${ms(percentile(floor, 50))} ${ms(percentile(floor, 95))} ${(raw ? ratio.toFixed(2) : "—").padStart(6)}  ${(same === null ? "—" : same ? "yes" : "NO").padEnd(4)}  ${entry.info ? "info" : pass ? "PASS" : "FAIL"}`);
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
