import { describe, expect, it } from "vitest";
import { formatCents, formatDateTime, formatDateTimeInZone, formatPercent } from "@/lib/format";

describe("formatCents", () => {
  it("formats exact cents without float rounding", () => {
    expect(formatCents(123456789n)).toBe("$1,234,567.89");
    expect(formatCents("5")).toBe("$0.05");
    expect(formatCents(-250n)).toBe("-$2.50");
    expect(formatCents(900719925474099199n)).toBe("$9,007,199,254,740,991.99");
  });
});

describe("formatPercent", () => {
  it("shows a dash when there is no ratio", () => {
    expect(formatPercent(0.9534)).toBe("95.3%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("formatDateTime", () => {
  const instant = new Date("2026-11-17T15:00:00Z");

  it("shows the instant in each zone asked for, one after the other", () => {
    expect(formatDateTime(instant, "America/New_York")).toBe("Nov 17, 2026, 10:00 AM");
    expect(formatDateTime(instant, "Europe/Berlin")).toBe("Nov 17, 2026, 4:00 PM");
    expect(formatDateTime(instant, "America/New_York")).toBe("Nov 17, 2026, 10:00 AM");
  });

  it("names the zone's abbreviation, summer and winter", () => {
    expect(formatDateTimeInZone(instant, "America/New_York")).toBe("Nov 17, 2026, 10:00 AM EST");
    expect(formatDateTimeInZone(new Date("2026-07-01T15:00:00Z"), "America/New_York")).toBe("Jul 1, 2026, 11:00 AM EDT");
    expect(formatDateTimeInZone(instant, "UTC")).toBe("Nov 17, 2026, 3:00 PM UTC");
  });

  it("refuses a zone that does not exist", () => {
    expect(() => formatDateTime(instant, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
