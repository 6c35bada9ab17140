import { describe, expect, it } from "vitest";
import { daysBetween, minDate, parseIsoDate, toIsoDate } from "@/lib/dates";
import { accuracyBlock } from "@/lib/forecast/accuracy-window";
import { addCalendarDaysUtc } from "@/lib/forecast/week";

const d = parseIsoDate;
const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));

/** How many times the block and its edges count a renewal dated `date` (1 inside the trailing year, 0 outside). */
function counted(block: ReturnType<typeof accuracyBlock>, date: Date): number {
  const month = monthStart(date);
  const first = new Date(Date.UTC(block.lastMonth.getUTCFullYear(), block.lastMonth.getUTCMonth() - 11, 1));
  const inBlock = month >= first && month <= block.lastMonth ? 1 : 0;
  return block.edges.reduce((sum, edge) => sum + (date >= edge.from && date < edge.until ? edge.sign : 0), inBlock);
}

describe("accuracyBlock", () => {
  it("counts each renewal date of the trailing year once and no other, on every day of two years (a leap day among them)", () => {
    const days = 731;
    let checked = 0;
    let mostPastDays = 0;
    for (let i = 0; i < days; i++) {
      const today = addCalendarDaysUtc(d("2027-06-01"), i);
      const block = accuracyBlock(today);
      expect(toIsoDate(block.from)).toBe(toIsoDate(addCalendarDaysUtc(today, -364)));
      expect(block.to).toEqual(today);
      const wrong: string[] = [];
      for (let offset = -400; offset <= 40; offset++) {
        const date = addCalendarDaysUtc(today, offset);
        if (counted(block, date) !== (date >= block.from && date <= today ? 1 : 0)) wrong.push(toIsoDate(date));
      }
      expect(wrong, toIsoDate(today)).toEqual([]);
      const past = block.edges.reduce((sum, edge) => sum + Math.max(0, daysBetween(edge.from, minDate(edge.until, addCalendarDaysUtc(today, 1)))), 0);
      mostPastDays = Math.max(mostPastDays, past);
      checked++;
    }
    expect(checked).toBe(days);
    // At most 20 days read from the renewals' rows (whole months and two partial ones read up to 61).
    expect(mostPastDays).toBe(20);
  });

  it("takes the block to last month early in a month and to this month late in it", () => {
    const early = accuracyBlock(d("2026-12-02"));
    expect(toIsoDate(early.lastMonth)).toBe("2026-11-01");
    expect(early.edges.map((edge) => [toIsoDate(edge.from), toIsoDate(edge.until), edge.sign])).toEqual([
      ["2025-12-01", "2025-12-03", -1],
      ["2026-12-01", "2026-12-03", 1],
    ]);
    const late = accuracyBlock(d("2026-12-28"));
    expect(toIsoDate(late.lastMonth)).toBe("2026-12-01");
    expect(late.edges.map((edge) => [toIsoDate(edge.from), toIsoDate(edge.until), edge.sign])).toEqual([
      ["2025-12-29", "2026-01-01", 1],
      ["2026-12-29", "2027-01-01", -1],
    ]);
  });
});
