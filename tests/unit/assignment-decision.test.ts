import { describe, expect, it } from "vitest";
import { suggestCsms, type AssignmentRules, type CsmInput } from "@/lib/assignment/suggest";
import { parseSnapshot, toSnapshot, toStored } from "@/lib/assignment/snapshot";
import { roundedScoreText, signedUnitsText, unitsText } from "@/lib/assignment/score";
import { tierRangeWarnings } from "@/lib/assignment/eligibility";
import { capacityConflictMessage, overrideInput, rejectInput } from "@/lib/assignment/decision";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

const rules: AssignmentRules = { scoring: DEFAULT_SETTINGS.scoring, capacity: DEFAULT_SETTINGS.capacity };

function csm(overrides: Partial<CsmInput> = {}): CsmInput {
  return {
    userId: "u1",
    name: "Priya Patel",
    tier: "MID_MARKET",
    maxAccounts: 30,
    maxArrCents: 2_000_000_00n,
    segments: ["MID_MARKET"],
    industries: ["Healthcare"],
    productIds: ["p1"],
    certifiedProductIds: ["p2"],
    region: "NA",
    timezone: "America/New_York",
    languages: ["English"],
    npsScore: 67,
    retentionRate: 96.4,
    currentAccounts: 26,
    currentArrCents: 1_857_779_79n,
    ...overrides,
  };
}

const account = {
  segment: "MID_MARKET" as const,
  industry: "Healthcare",
  region: "NA",
  timezone: "America/New_York",
  primaryLanguage: "English",
  needsOnsite: false,
  arrCents: 64_800_00n,
};
const products = [
  { id: "p1", name: "Core", technical: false },
  { id: "p2", name: "Data Connect API", technical: true },
];

describe("the stored suggestion snapshot", () => {
  it("survives a JSON round trip with every term, the load in cent strings and the excluded reasons", () => {
    const suggestion = suggestCsms({ account, deal: { products }, csms: [csm(), csm({ userId: "u2", name: "Sam Rivera", certifiedProductIds: [] })], rules });
    const snapshot = toSnapshot(suggestion, { computedAt: new Date("2026-11-18T15:00:00Z"), accountArrCents: account.arrCents, products });
    const stored = parseSnapshot(JSON.parse(JSON.stringify(toStored(snapshot))));
    expect(stored).toEqual({ ...snapshot, totals: { eligible: 1, excluded: 1, reasons: [{ reason: "no certification for Data Connect API", count: 1 }] } });
    expect(stored?.accountArrCents).toBe("6480000");
    expect(stored?.candidates[0]?.load).toEqual({ accounts: 26, maxAccounts: 30, arrCents: "185777979", maxArrCents: "200000000" });
    expect(stored?.candidates[0]?.breakdown.map((term) => term.label)).toEqual([
      "Base", "Capacity", "Segment expertise", "Industry expertise", "Product expertise", "Timezone", "Language", "NPS", "Retention",
    ]);
    // 100 − 20 (26/30 > 80%) + 25 + 20 + 10 + 15 + 15 + 13.4 + 28.92
    expect(unitsText(stored?.candidates[0]?.scoreUnits ?? 0)).toBe("207.32");
    expect(stored?.excluded).toEqual([{ userId: "u2", name: "Sam Rivera", reasons: ["no certification for Data Connect API"] }]);
  });

  it("reads a row written without a snapshot (the demo history's `[]`) as none", () => {
    expect(parseSnapshot([])).toBeNull();
    expect(parseSnapshot({ version: 2 })).toBeNull();
  });

  it("reads a suggestion stored with hundredths (version 1) as exact units", () => {
    const v1 = {
      version: 1, computedAt: "2026-01-01T00:00:00.000Z", accountArrCents: "100", products: [], excluded: [], noEligibleHint: null,
      candidates: [{ rank: 1, userId: "u", name: "N", tier: "SCALE", score: 109.4, scoreHundredths: 10940, breakdown: [{ key: "nps", label: "NPS", points: 9.4, detail: "" }], load: { accounts: 1, maxAccounts: 2, arrCents: "0", maxArrCents: "1" } }],
    };
    const read = parseSnapshot(v1);
    expect(read?.candidates[0]).toMatchObject({ scoreUnits: 109_4000_0000, breakdown: [{ units: 9_4000_0000 }] });
  });

  it("writes scores and points exactly", () => {
    expect(unitsText(213_45_000_000)).toBe("213.45");
    expect(unitsText(213_465_000_00)).toBe("213.465");
    expect(unitsText(-40_00_000_000)).toBe("-40.00");
    expect(unitsText(7_000_000)).toBe("0.07");
    expect(unitsText(1)).toBe("0.00000001");
    expect(signedUnitsText(25_00_000_000)).toBe("+25");
    expect(signedUnitsText(-40_00_000_000)).toBe("\u221240");
    expect(signedUnitsText(10_005_000_00)).toBe("+10.005");
    expect(signedUnitsText(0)).toBe("0");
    expect(roundedScoreText(213_465_000_00)).toBe("213.47");
    expect(roundedScoreText(-40_00_000_000)).toBe("-40.00");
  });
});

describe("why an approval no longer fits", () => {
  it("names the CSM and the accounts limit first", () => {
    expect(capacityConflictMessage(csm({ currentAccounts: 30 }), 64_800_00n)).toBe("Priya Patel is at capacity: 30/30 accounts.");
    expect(capacityConflictMessage(csm({ currentAccounts: 31 }), 1n)).toBe("Priya Patel is over capacity: 31/30 accounts.");
  });

  it("names the ARR limit with the sum that would pass it", () => {
    expect(capacityConflictMessage(csm({ currentArrCents: 1_950_000_00n }), 64_800_00n)).toBe(
      "Priya Patel would exceed the ARR limit: $1,950,000 + $64,800 > $2,000,000.",
    );
    expect(capacityConflictMessage(csm({ currentArrCents: 1_935_200_00n }), 64_800_00n)).toBeNull();
  });

  it("applies the profile's own limit, even above the tier's range", () => {
    expect(capacityConflictMessage(csm({ maxAccounts: 80, currentAccounts: 50 }), 1n)).toBeNull();
    expect(capacityConflictMessage(csm({ maxAccounts: 80, currentAccounts: 80 }), 1n)).toBe("Priya Patel is at capacity: 80/80 accounts.");
  });
});

describe("a profile outside its tier's range", () => {
  it("is warned about, naming the range and the limit that applies", () => {
    expect(tierRangeWarnings({ tier: "ENTERPRISE", maxAccounts: 12, maxArrCents: 5_000_000_00n }, rules.capacity)).toEqual([]);
    expect(tierRangeWarnings({ tier: "ENTERPRISE", maxAccounts: 20, maxArrCents: 6_000_000_00n }, rules.capacity)).toEqual([
      "Enterprise profiles usually allow 10–15 accounts; this one allows 20, and that is the limit Baton applies.",
      "Enterprise profiles usually allow up to $5,000,000 of ARR; this one allows $6,000,000, and that is the limit Baton applies.",
    ]);
    expect(tierRangeWarnings({ tier: "SCALE", maxAccounts: 90, maxArrCents: 1n }, rules.capacity)).toHaveLength(1);
  });
});

describe("decision forms", () => {
  it("require a reason to choose another CSM or to reject, naming the field", () => {
    const override = overrideInput.safeParse({ assignmentId: "a1", csmId: "", reason: "  " });
    expect(override.success).toBe(false);
    expect(override.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["csmId", "Choose the CSM to assign."],
      ["reason", "Enter the reason for choosing another CSM."],
    ]);
    const reject = rejectInput.safeParse({ assignmentId: "a1", reason: "" });
    expect(reject.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["reason", "Enter the reason for rejecting the suggestion."]]);
    expect(rejectInput.parse({ assignmentId: "a1", reason: "  Wrong region  " }).reason).toBe("Wrong region");
  });
});
