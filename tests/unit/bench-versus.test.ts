import { describe, expect, it } from "vitest";
import { benchScale, benchUrlFor, scaledBenchDatabase } from "@/scripts/bench/bench-database";
import { compareMeasures, formatComparison, formatGrowth, growth, measureOf, percentile, scaleLabel, versusDatabase, type Measure } from "@/scripts/bench/versus";

const measure = (name: string, p50: number, p95: number, info = false): Measure => ({ name, p50, p95, info });
const labels = ["1×", "10×"] as const;

describe("benchmark percentiles", () => {
  it("takes the nearest rank of ascending times", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("sorts a copy of the times it is given", () => {
    const times = [30, 10, 20, 40];
    expect(measureOf("x", times)).toEqual({ name: "x", p50: 20, p95: 40, info: false });
    expect(times).toEqual([30, 10, 20, 40]);
  });
});

describe("growth between two scales", () => {
  it("is the other database's p95 over the base's", () => {
    expect(growth(20, 90)).toBe(4.5);
    expect(formatGrowth(4.5)).toBe("4.50×");
    expect(formatGrowth(12.34)).toBe("12.3×");
  });

  it("has no value when a side is missing or zero", () => {
    expect(growth(0, 10)).toBeNaN();
    expect(growth(Number.NaN, 10)).toBeNaN();
    expect(formatGrowth(Number.NaN)).toBe("—");
  });

  it("labels a database by its accounts against the goal's 50,000", () => {
    expect(scaleLabel(50_000)).toBe("1×");
    expect(scaleLabel(500_000)).toBe("10×");
    expect(scaleLabel(125_000)).toBe("2.5×");
  });
});

describe("side-by-side verdicts", () => {
  const target = { p95Ms: 200, judged: "every scale" } as const;

  it("passes a line only when both scales are under the target", () => {
    const rows = compareMeasures(
      [measure("a", 10, 20), measure("b", 10, 20), measure("c", 150, 250)],
      [measure("a", 50, 199), measure("b", 100, 200), measure("c", 400, 900)],
      target,
      labels,
    );
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.verdict)).toEqual(["PASS", "FAIL at 10×", "FAIL at 1× and 10×"]);
    expect(rows[0]?.growth).toBeCloseTo(9.95);
  });

  it("judges only the base when the target is set at 1×, and never an info line", () => {
    const rows = compareMeasures(
      [measure("list", 40, 90), measure("slow list", 90, 120), measure("page", 300, 400, true)],
      [measure("list", 400, 900), measure("slow list", 90, 95), measure("page", 900, 999, true)],
      { p95Ms: 100, judged: "base" },
      labels,
    );
    expect(rows.map((row) => row.verdict)).toEqual(["PASS at 1×", "FAIL at 1×", "(info)"]);
  });

  it("fails a line one run did not measure", () => {
    const rows = compareMeasures([measure("a", 1, 2), measure("b", 1, 2)], [measure("a", 1, 2)], target, labels);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ name: "b", other: null, verdict: "FAIL at 10×" });
    expect(rows[1]?.growth).toBeNaN();
  });

  it("pairs repeated names by position and refuses runs of different cases", () => {
    const rows = compareMeasures([measure("  … team", 1, 2), measure("  … team", 3, 4)], [measure("  … team", 5, 6), measure("  … team", 7, 8)], target, labels);
    expect(rows.map((row) => row.other?.p95)).toEqual([6, 8]);
    expect(() => compareMeasures([measure("a", 1, 2)], [measure("b", 1, 2)], target, labels)).toThrow(/line 1 differs/);
  });

  it("prints p50 / p95 of each scale, the growth and the verdict on one line", () => {
    const lines = formatComparison(compareMeasures([measure("GRR", 12.34, 20)], [measure("GRR", 60, 250)], target, labels), labels);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^measure\s+1× p50\s+1× p95\s+10× p50\s+10× p95\s+growth\s+result$/);
    expect(lines[1]).toMatch(/^GRR\s+12\.3\s+20\.0\s+60\.0\s+250\.0\s+12\.5×\s+FAIL at 10×$/);
  });
});

describe("bench options", () => {
  it("reads --scale, a whole number of at least 1", () => {
    expect(benchScale([])).toBe(1);
    expect(benchScale(["--scale", "10"])).toBe(10);
    expect(() => benchScale(["--scale", "0"])).toThrow(/whole number/);
    expect(() => benchScale(["--scale", "2.5"])).toThrow(/whole number/);
  });

  it("names the 10× database apart from the 1× one unless BENCH_DATABASE says otherwise", () => {
    const saved = process.env.BENCH_DATABASE;
    try {
      delete process.env.BENCH_DATABASE;
      expect(scaledBenchDatabase(1)).toBe("baton_bench");
      expect(scaledBenchDatabase(10)).toBe("baton_bench_10x");
      process.env.BENCH_DATABASE = "baton_bench_mine";
      expect(scaledBenchDatabase(10)).toBe("baton_bench_mine");
    } finally {
      if (saved === undefined) delete process.env.BENCH_DATABASE;
      else process.env.BENCH_DATABASE = saved;
    }
  });

  it("takes --vs as a database name on the same server or as a URL", () => {
    expect(versusDatabase([])).toBeNull();
    expect(new URL(versusDatabase(["--vs", "baton_bench_10x"])!).pathname).toBe("/baton_bench_10x");
    expect(versusDatabase(["--vs", "postgresql://u@h:1/other_bench"])).toBe("postgresql://u@h:1/other_bench");
    expect(benchUrlFor("postgres://x/y")).toBe("postgres://x/y");
    expect(() => versusDatabase(["--vs", "--sql"])).toThrow(/--vs needs/);
  });
});
