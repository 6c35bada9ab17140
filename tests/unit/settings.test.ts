import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, mergeSettings, settingsSchema } from "@/lib/settings/schema";

describe("rule settings schema", () => {
  it("holds SPEC.md's defaults and they validate", () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.capacity.ENTERPRISE).toEqual({ minAccounts: 10, maxAccounts: 15, maxArrCents: 500_000_000 });
    expect(DEFAULT_SETTINGS.capacity.MID_MARKET.maxArrCents).toBe(200_000_000);
    expect(DEFAULT_SETTINGS.capacity.SCALE.maxAccounts).toBe(200);
    expect(DEFAULT_SETTINGS.scoring).toMatchObject({ capacityHighThreshold: 0.9, capacityHighPenalty: 40, npsFactor: 0.2, retentionFactor: 0.3 });
    expect(DEFAULT_SETTINGS.calendar.workingDays).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps a default where a stored value is invalid, and never takes unknown keys", () => {
    const merged = mergeSettings([
      { key: "calendar", value: { timezone: "Mars/Olympus", workingDays: [1], holidays: [] } },
      { key: "expansionCredit", value: { ratePercent: 12.5, windowMonths: 18 } },
      { key: "unknown", value: 1 },
    ]);
    expect(merged.calendar).toEqual(DEFAULT_SETTINGS.calendar);
    expect(merged.expansionCredit.ratePercent).toBe(12.5);
    expect(merged).not.toHaveProperty("unknown");
  });

  it("explains a bad time zone", () => {
    const result = settingsSchema.shape.calendar.safeParse({ timezone: "Nowhere", workingDays: [1], holidays: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });
});
