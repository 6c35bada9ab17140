import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { retentionBetween } from "@/lib/server/metrics/retention";
import { parseIsoDate } from "@/lib/dates";
import { createAccount } from "./support/fixtures";
import type { ArrMovementType } from "@/lib/generated/prisma/enums";

async function movements(accountId: string, rows: [string, ArrMovementType, bigint][]) {
  await prisma.arrMovement.createMany({
    data: rows.map(([date, type, amountCents]) => ({ accountId, date: parseIsoDate(date), type, amountCents })),
  });
}

describe("retentionBetween (SPEC.md Measures), against figures worked by hand", () => {
  it("nets each cohort account, excludes new customers, and counts churn-and-return as new", async () => {
    const [steady, shrinking, churned, growing, newcomer, returner] = await Promise.all(
      Array.from({ length: 6 }, () => createAccount()),
    );
    // Period 2026-01-01 … 2026-12-31.
    await movements(steady!.id, [["2025-03-01", "NEW", 10_000_00n], ["2026-03-01", "RENEWAL", 10_000_00n]]);
    // Down 20,000 and up 5,000 in the period: 15,000 contraction, netted.
    await movements(shrinking!.id, [
      ["2025-05-10", "NEW", 50_000_00n],
      ["2026-02-01", "CONTRACTION", 20_000_00n],
      ["2026-06-01", "EXPANSION", 5_000_00n],
    ]);
    await movements(churned!.id, [["2024-07-01", "NEW", 8_000_50n], ["2026-07-01", "CHURN", 8_000_50n]]);
    await movements(growing!.id, [["2025-12-31", "NEW", 12_345_67n], ["2026-09-15", "EXPANSION", 4_000_33n]]);
    // New during the period: not in the cohort.
    await movements(newcomer!.id, [["2026-04-01", "NEW", 99_000_00n]]);
    // Churned before the period and returned in it: ARR 0 at the start, so not in the cohort.
    await movements(returner!.id, [
      ["2024-01-01", "NEW", 7_000_00n],
      ["2025-06-01", "CHURN", 7_000_00n],
      ["2026-05-01", "NEW", 3_000_00n],
    ]);
    // A movement after the period end is ignored.
    await movements(steady!.id, [["2027-01-01", "EXPANSION", 1_000_00n]]);

    const figures = await retentionBetween(parseIsoDate("2026-01-01"), parseIsoDate("2026-12-31"));
    // start = 10,000 + 50,000 + 8,000.50 + 12,345.67 = 80,346.17
    // retained (min) = 10,000 + 35,000 + 0 + 12,345.67 = 57,345.67
    // end = 10,000 + 35,000 + 0 + 16,346.00 = 61,346.00
    expect(figures.startArrCents).toBe(80_346_17n);
    expect(figures.retainedArrCents).toBe(57_345_67n);
    expect(figures.endArrCents).toBe(61_346_00n);
    expect(figures.cohortAccounts).toBe(4);
    expect(figures.retainedAccounts).toBe(3);
    expect(figures.grossRetention).toBeCloseTo(0.713732, 6); // 57,345.67 / 80,346.17
    expect(figures.netRetention).toBeCloseTo(0.763521, 6); // 61,346.00 / 80,346.17
    expect(figures.logoRetention).toBe(0.75);
  });

  it("has no ratio without a cohort", async () => {
    const figures = await retentionBetween(parseIsoDate("2026-01-01"), parseIsoDate("2026-12-31"));
    expect(figures).toMatchObject({ cohortAccounts: 0, grossRetention: null, netRetention: null, logoRetention: null });
  });
});
