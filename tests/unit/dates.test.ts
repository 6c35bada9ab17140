import { describe, expect, it } from "vitest";
import { addMonthsUtc, daysBetween, parseIsoDate, toIsoDate } from "@/lib/dates";

describe("calendar dates", () => {
  it("adds months and clamps to the last day of the month", () => {
    expect(toIsoDate(addMonthsUtc(parseIsoDate("2026-01-31"), 1))).toBe("2026-02-28");
    expect(toIsoDate(addMonthsUtc(parseIsoDate("2024-01-31"), 1))).toBe("2024-02-29");
    expect(toIsoDate(addMonthsUtc(parseIsoDate("2026-11-20"), -12))).toBe("2025-11-20");
    expect(toIsoDate(addMonthsUtc(parseIsoDate("2026-03-15"), 36))).toBe("2029-03-15");
  });

  it("refuses dates that do not exist", () => {
    expect(() => parseIsoDate("2026-02-30")).toThrow(/real date/);
    expect(() => parseIsoDate("20-02-2026")).toThrow(/YYYY-MM-DD/);
  });

  it("counts whole days", () => {
    expect(daysBetween(parseIsoDate("2026-11-20"), parseIsoDate("2027-02-18"))).toBe(90);
  });
});
