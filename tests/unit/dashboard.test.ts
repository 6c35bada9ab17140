import { describe, expect, it } from "vitest";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { expansionCreditCents } from "@/lib/dashboard/credit";
import { centsToDecimal } from "@/lib/dashboard/drill-columns";
import { enumLabel, formatCell } from "@/lib/dashboard/format-cell";
import { cutQuery, dashboardParams, drillParams } from "@/lib/dashboard/params";
import { lastDayOf, monthKey, monthLabel, monthOf, parseMonthKey, periodLabel, resolvePeriod, trendMonths } from "@/lib/dashboard/period";
import { ratio } from "@/lib/dashboard/ratio";
import { checkTarget } from "@/lib/dashboard/targets";
import { ttfvBucketOf } from "@/lib/dashboard/ttfv";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

const today = parseIsoDate("2026-11-20");
const span = (preset: Parameters<typeof resolvePeriod>[0], from?: string, to?: string) => {
  const period = resolvePeriod(preset, today, from, to);
  return `${toIsoDate(period.start)}…${toIsoDate(period.end)} (${period.months})`;
};

describe("dashboard periods (whole months, never after today)", () => {
  it("resolves each preset on 2026-11-20 to distinct ranges with their real dates", () => {
    expect(span("12m")).toBe("2025-11-01…2026-10-31 (12)");
    expect(span("6m")).toBe("2026-05-01…2026-10-31 (6)");
    expect(span("3m")).toBe("2026-08-01…2026-10-31 (3)");
    expect(span("last-quarter")).toBe("2026-07-01…2026-09-30 (3)");
    expect(span("qtd")).toBe("2026-10-01…2026-11-20 (2)");
    expect(span("ytd")).toBe("2026-01-01…2026-11-20 (11)");
    expect(span("last-year")).toBe("2025-01-01…2025-12-31 (12)");
    expect(span("custom", "2024-02", "2024-02")).toBe("2024-02-01…2024-02-29 (1)");
  });

  it("on 2026-12-01 the default ends with November and year to date is a different range", () => {
    const december = parseIsoDate("2026-12-01");
    expect(periodLabel(resolvePeriod("12m", december))).toBe("Last 12 complete months: Dec 1, 2025 – Nov 30, 2026");
    expect(periodLabel(resolvePeriod("ytd", december))).toBe("Year to date: Jan 1, 2026 – Dec 1, 2026 (to date)");
    expect(resolvePeriod("qtd", december)).toMatchObject({ toDate: true, months: 3 });
  });

  it("no period ends after today: a custom range reaching the running month ends today and says so", () => {
    expect(span("custom", "2026-01", "2026-11")).toBe("2026-01-01…2026-11-20 (11)");
    expect(resolvePeriod("custom", today, "2026-01", "2026-11").toDate).toBe(true);
    expect(span("custom", "2026-06", "2027-05")).toBe("2026-06-01…2026-11-20 (6)");
    expect(resolvePeriod("custom", today, "2026-06", "2026-10").toDate).toBe(false);
  });

  it("falls back to the last 12 complete months on a bad custom range and keeps at most 36 months", () => {
    expect(span("custom", "2026-05", "2026-01")).toBe("2025-11-01…2026-10-31 (12)");
    expect(span("custom", undefined, "2026-01")).toBe("2025-11-01…2026-10-31 (12)");
    expect(span("custom", "2027-01", "2027-03")).toBe("2025-11-01…2026-10-31 (12)");
    expect(span("custom", "2020-01", "2026-10")).toBe("2023-11-01…2026-10-31 (36)");
  });

  it("numbers months like the database and labels them", () => {
    expect(monthOf(parseIsoDate("2026-11-20"))).toBe(2026 * 12 + 10);
    expect(monthKey(2026 * 12 + 10)).toBe("2026-11");
    expect(parseMonthKey("2026-13")).toBeNull();
    expect(parseMonthKey("2026-01")).toBe(2026 * 12);
    expect(monthLabel(2026 * 12)).toBe("Jan 2026");
    expect(toIsoDate(lastDayOf(2028 * 12 + 1))).toBe("2028-02-29");
    const months = trendMonths(2026 * 12 + 10);
    expect(months).toHaveLength(24);
    expect(monthKey(months[0]!)).toBe("2024-12");
  });
});

describe("AE expansion credit rounding", () => {
  it("applies the rate to the total exactly and rounds half up to the cent", () => {
    expect(expansionCreditCents(323_457n, 10)).toBe(32_346n); // 3,234.57 × 10 % = 323.457 → 323.46
    expect(expansionCreditCents(1_000_005n, 10)).toBe(100_001n); // 10,000.05 → 1,000.005 → 1,000.01
    expect(expansionCreditCents(1_000_004n, 10)).toBe(100_000n); // 1,000.004 → 1,000.00
    expect(expansionCreditCents(12_345_67n, 7.25)).toBe(89_506n); // 12,345.67 × 7.25 % = 895.061… → 895.06
    expect(expansionCreditCents(200n, 0.25)).toBe(1n); // 0.005 → 0.01
    expect(expansionCreditCents(0n, 10)).toBe(0n);
    expect(expansionCreditCents(99_999_999_999_999n, 100)).toBe(99_999_999_999_999n);
    expect(() => expansionCreditCents(100n, -1)).toThrow(RangeError);
  });
});

describe("targets, ratios and cells", () => {
  const targets = DEFAULT_SETTINGS.targets;
  it("judges each measure against its target, strictly where the target says more or less than", () => {
    expect(checkTarget("grossRetention", 0.95, targets)).toEqual({ label: "> 95%", met: false });
    expect(checkTarget("grossRetention", 0.950001, targets).met).toBe(true);
    expect(checkTarget("netRetention", 1.12, targets)).toEqual({ label: "> 110%", met: true });
    expect(checkTarget("renewalVisibility", 1, targets).met).toBe(true);
    expect(checkTarget("renewalVisibility", 0.99, targets).met).toBe(false);
    expect(checkTarget("timeToFirstValue", 30, targets)).toEqual({ label: "< 30 days (median)", met: false });
    expect(checkTarget("handoffSatisfaction", 4.6, targets).met).toBe(true);
    expect(checkTarget("handoffSatisfaction", null, targets).met).toBeNull();
  });

  it("divides exact sums once", () => {
    expect(ratio(6_384_577n, 8_834_652n)).toBe(0.722674);
    expect(ratio(1n, 0n)).toBeNull();
  });

  it("buckets days to first value", () => {
    expect(ttfvBucketOf(0)?.label).toBe("0–7 days");
    expect(ttfvBucketOf(30)?.label).toBe("15–30 days");
    expect(ttfvBucketOf(31)?.label).toBe("31–60 days");
    expect(ttfvBucketOf(400)?.label).toBe("91+ days");
  });

  it("shows and exports cells without losing cents", () => {
    expect(centsToDecimal("-123405")).toBe("-1234.05");
    expect(centsToDecimal(5n)).toBe("0.05");
    expect(formatCell("cents", "6834610")).toBe("$68,346.10");
    expect(formatCell("bool", true)).toBe("Yes");
    expect(formatCell("date", "2026-12-01T00:00:00.000Z")).toBe("Dec 1, 2026");
    expect(formatCell("text", null)).toBe("—");
    expect(enumLabel("MID_MARKET")).toBe("Mid-Market");
    expect(enumLabel("RENEWAL_PENDING")).toBe("Renewal pending");
  });
});

describe("dashboard URL parameters", () => {
  it("falls back on bad values instead of throwing", () => {
    expect(dashboardParams.parse({ period: "forever", segment: "HUGE", from: "2026-1" })).toEqual({ period: "12m" });
    expect(drillParams.parse({ page: "-3", perPage: "9999", sort: "x".repeat(80) })).toMatchObject({ page: 1, perPage: 25, sort: undefined });
  });

  it("keeps the period and cuts in links, leaving defaults out", () => {
    expect(cutQuery(dashboardParams.parse({}))).toBe("");
    expect(cutQuery(dashboardParams.parse({ period: "6m", from: "2026-01", segment: "SCALE" }), { sort: "end" })).toBe("?period=6m&segment=SCALE&sort=end");
    expect(cutQuery(dashboardParams.parse({ period: "custom", from: "2026-01", to: "2026-03", csm: "c1" }))).toBe("?period=custom&from=2026-01&to=2026-03&csm=c1");
  });
});
