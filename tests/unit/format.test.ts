import { describe, expect, it } from "vitest";
import { formatCents, formatPercent } from "@/lib/format";

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
