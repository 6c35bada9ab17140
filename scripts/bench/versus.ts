// `--vs <database>` for the benchmarks (bench:dashboard, bench:lists, bench:search, bench:forecast, bench:assign): the
// same measures on the bench's own database (`baton_bench`, BENCH_DATABASE or `--url`) and on another one, usually the
// 10× company of `npm run bench:generate -- --scale 10` (`--vs baton_bench_10x`, or a postgresql:// URL), then each line
// side by side: p50 / p95 on both, the growth (the other's p95 ÷ the base's p95) and PASS / FAIL against the target.
//
// lib/db binds one database per process (DATABASE_URL, read when first imported), so the two runs are child processes
// of the same script, one after the other (never at once: they would slow each other down). Each child prints its
// usual table and hands its measures back through a JSON file named by BENCH_MEASURES.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { benchDatabaseUrl, benchUrlFor } from "./bench-database";

/** The accounts of the goal's company (`npm run bench:generate` at 1×): a database's scale is its accounts ÷ this. */
const BASE_ACCOUNTS = 50_000;

export interface Measure {
  name: string;
  p50: number;
  p95: number;
  /** Shown for reference, not judged (a whole page made of the measures above it). */
  info: boolean;
}

/** The p95 target, and where the issue sets it: at every scale, or only on the base database (1×). */
export interface Target {
  p95Ms: number;
  judged: "every scale" | "base";
}

export interface ComparedRow {
  name: string;
  base: Measure | null;
  other: Measure | null;
  growth: number;
  verdict: string;
}

/** The p-th percentile of ascending times (nearest rank); NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function measureOf(name: string, times: readonly number[], info = false): Measure {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, p50: percentile(sorted, 50), p95: percentile(sorted, 95), info };
}

/** How many times slower the other database is: its p95 ÷ the base's p95 (NaN when either is missing or zero). */
export function growth(base: number, other: number): number {
  return Number.isFinite(base) && Number.isFinite(other) && base > 0 ? other / base : Number.NaN;
}

export function formatGrowth(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)}×` : "—";
}

/** "1×", "10×", "2.5×": a database's size against the goal's company. */
export function scaleLabel(accounts: number): string {
  const scale = Math.round((accounts / BASE_ACCOUNTS) * 10) / 10;
  return `${scale}×`;
}

/**
 * Pairs the two runs line by line (names repeat, e.g. "  … CS manager's team", so by position; a name that differs
 * means the scripts ran different cases and is refused) and judges each line against the target.
 */
export function compareMeasures(base: readonly Measure[], other: readonly Measure[], target: Target, labels: readonly [string, string]): ComparedRow[] {
  const rows: ComparedRow[] = [];
  for (let i = 0; i < Math.max(base.length, other.length); i++) {
    const [b, o] = [base[i] ?? null, other[i] ?? null];
    if (b && o && b.name !== o.name) throw new Error(`line ${i + 1} differs between the runs: "${b.name}" and "${o.name}"`);
    const name = (b ?? o)?.name ?? "";
    rows.push({ name, base: b, other: o, growth: growth(b?.p95 ?? Number.NaN, o?.p95 ?? Number.NaN), verdict: verdictOf(b, o, target, labels) });
  }
  return rows;
}

function verdictOf(base: Measure | null, other: Measure | null, target: Target, [baseLabel, otherLabel]: readonly [string, string]): string {
  if ((base ?? other)?.info) return "(info)";
  // A missing run fails: no figure is no evidence.
  const fails = (measure: Measure | null) => !measure || !(measure.p95 < target.p95Ms);
  if (target.judged === "base") return fails(base) ? `FAIL at ${baseLabel}` : `PASS at ${baseLabel}`;
  const failed = [fails(base) ? baseLabel : null, fails(other) ? otherLabel : null].filter((label) => label !== null);
  return failed.length === 0 ? "PASS" : `FAIL at ${failed.join(" and ")}`;
}

/** The side-by-side table, one line per measure, times in ms. */
export function formatComparison(rows: readonly ComparedRow[], [baseLabel, otherLabel]: readonly [string, string]): string[] {
  const width = Math.max(36, ...rows.map((row) => row.name.length + 1));
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(1)).padStart(8);
  const head = (label: string) => label.padStart(8);
  return [
    `${"measure".padEnd(width)} ${head(`${baseLabel} p50`)} ${head(`${baseLabel} p95`)} ${head(`${otherLabel} p50`)} ${head(`${otherLabel} p95`)} ${"growth".padStart(7)}  result`,
    ...rows.map(
      (row) =>
        `${row.name.padEnd(width)} ${ms(row.base?.p50)} ${ms(row.base?.p95)} ${ms(row.other?.p50)} ${ms(row.other?.p95)} ${formatGrowth(row.growth).padStart(7)}  ${row.verdict}`,
    ),
  ];
}

/** The other database's URL when `--vs <name or URL>` is given, else null. */
export function versusDatabase(args: readonly string[]): string | null {
  const index = args.indexOf("--vs");
  if (index < 0) return null;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new Error("--vs needs a database name (baton_bench_10x) or a postgresql:// URL");
  return benchUrlFor(value);
}

/** The measures a benchmark took, handed to the `--vs` parent when it runs as its child (else nothing is written). */
export function measureLog(): { add(name: string, times: readonly number[], info?: boolean): void; save(): void } {
  const measures: Measure[] = [];
  return {
    add: (name, times, info = false) => void measures.push(measureOf(name, times, info)),
    save: () => {
      const file = process.env.BENCH_MEASURES;
      if (file) writeFileSync(file, JSON.stringify(measures));
    },
  };
}

/** The script's arguments for one child: `--vs` dropped, `--url` set to the database it measures. */
function childArgs(args: readonly string[], url: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--vs" || args[i] === "--url") i++;
    else kept.push(args[i]!);
  }
  return [...kept, "--url", url];
}

async function runChild(url: string, file: string): Promise<Measure[]> {
  const args = [...process.execArgv, process.argv[1]!, ...childArgs(process.argv.slice(2), url)];
  console.log(`\n── ${new URL(url).pathname.slice(1)} ──`);
  // The child's exit code says whether its own targets passed; only its measures matter here.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, BENCH_MEASURES: file } });
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Measure[];
  } catch {
    throw new Error(`the run on ${new URL(url).pathname.slice(1)} gave no measures (see its output above)`);
  }
}

async function accountsOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Account"`);
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Runs the calling script on both databases and prints the side-by-side table; returns the number of FAIL lines. */
export async function runVersus(title: string, target: Target): Promise<number> {
  const args = process.argv.slice(2);
  const urls = [benchDatabaseUrl(args), versusDatabase(args)!] as const;
  const names = urls.map((url) => new URL(url).pathname.slice(1));
  const dir = mkdtempSync(join(tmpdir(), "bench-vs-"));
  try {
    const base = await runChild(urls[0], join(dir, "base.json"));
    const other = await runChild(urls[1], join(dir, "other.json"));
    const accounts = await Promise.all(urls.map(accountsOf));
    const scales = [scaleLabel(accounts[0]!), scaleLabel(accounts[1]!)] as const;
    // Two databases of one size (a copy against a tuned copy) are told apart by name.
    const labels = scales[0] === scales[1] ? (["base", "vs"] as const) : scales;
    const rows = compareMeasures(base, other, target, labels);
    console.log(
      `\n${title}, side by side — ${labels[0]} = ${names[0]} (${accounts[0]!.toLocaleString("en-US")} accounts), ` +
        `${labels[1]} = ${names[1]} (${accounts[1]!.toLocaleString("en-US")} accounts)`,
    );
    console.log(
      `target: p95 < ${target.p95Ms} ms ${target.judged === "base" ? `at ${labels[0]}` : "at both"}; growth = ${labels[1]} p95 ÷ ${labels[0]} p95; times in ms\n`,
    );
    for (const line of formatComparison(rows, labels)) console.log(line);
    const failures = rows.filter((row) => row.verdict.startsWith("FAIL")).length;
    console.log(`\n${failures === 0 ? "All lines PASS" : `${failures} FAIL`}.`);
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
