import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getSettings } from "@/lib/server/settings/get-settings";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

describe("rule settings", () => {
  it("reads SPEC.md's defaults when nothing is stored", async () => {
    const settings = await getSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.handoff.slaBusinessHours).toBe(72);
    expect(settings.handoff.neverSkipAboveCents).toBe(5_000_000);
    expect(settings.expansionCredit.windowMonths).toBe(18);
  });

  it("applies a stored value at once and ignores unknown keys", async () => {
    await prisma.setting.create({ data: { key: "scoring", value: { ...DEFAULT_SETTINGS.scoring, segmentExpertise: 30 } } });
    await prisma.setting.create({ data: { key: "nonsense", value: 1 } });
    const settings = await getSettings();
    expect(settings.scoring.segmentExpertise).toBe(30);
    expect(settings.timing).toEqual(DEFAULT_SETTINGS.timing);
  });
});
