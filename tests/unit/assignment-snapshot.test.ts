import { describe, expect, it } from "vitest";
import { parseSnapshot, toSnapshot, toStored } from "@/lib/assignment/snapshot";
import { suggestCsms, type CsmInput } from "@/lib/assignment/suggest";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

const rules = { scoring: DEFAULT_SETTINGS.scoring, capacity: DEFAULT_SETTINGS.capacity };
const API = { id: "p_api", name: "API Gateway", technical: true };

function csm(i: number, overrides: Partial<CsmInput> = {}): CsmInput {
  return {
    userId: `u${i}`,
    name: `CSM ${i}`,
    tier: "ENTERPRISE",
    maxAccounts: 15,
    maxArrCents: 5_000_000_00n,
    segments: ["ENTERPRISE"],
    industries: i % 2 === 0 ? ["Fintech"] : [],
    productIds: [API.id],
    certifiedProductIds: i % 3 === 0 ? [] : [API.id],
    region: i % 4 === 0 ? "EMEA" : "NA",
    timezone: "America/New_York",
    languages: ["English"],
    npsScore: 33.35,
    retentionRate: 91.5,
    currentAccounts: i % 15,
    currentArrCents: BigInt(i) * 1_000_00n,
    ...overrides,
  };
}

describe("the stored suggestion snapshot", () => {
  it("reads back exactly the snapshot it stored, and is much smaller when reasons repeat", () => {
    const csms = Array.from({ length: 60 }, (_, i) => csm(i));
    const suggestion = suggestCsms({
      account: { segment: "ENTERPRISE", industry: "Fintech", region: "NA", timezone: "America/New_York", primaryLanguage: "English", needsOnsite: true, arrCents: 120_000_00n },
      deal: { products: [API] },
      csms,
      rules,
    });
    expect(suggestion.candidates.length).toBeGreaterThan(5);
    expect(suggestion.excluded.length).toBeGreaterThan(5);
    const snapshot = toSnapshot(suggestion, { computedAt: new Date("2026-12-01T10:00:00Z"), accountArrCents: 120_000_00n, products: [API] });
    const stored = JSON.parse(JSON.stringify(toStored(snapshot))) as unknown;
    expect(parseSnapshot(stored)).toEqual(snapshot);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(snapshot).length * 0.7);

    const rescored = { ...snapshot, rescored: { at: "2026-12-02T09:00:00.000Z", changes: [{ field: "Products", from: "Core", to: "API Gateway" }], previousTop: "CSM 1" } };
    expect(parseSnapshot(JSON.parse(JSON.stringify(toStored(rescored))))).toEqual(rescored);
  });

  it("still reads a version 2 snapshot as stored, and refuses a reason index out of range", () => {
    const snapshot = toSnapshot(suggestCsms({
      account: { segment: "ENTERPRISE", industry: "Fintech", region: "NA", timezone: "America/New_York", primaryLanguage: "English", needsOnsite: false, arrCents: 1n },
      deal: { products: [] },
      csms: [csm(1), csm(4)],
      rules,
    }), { computedAt: new Date("2026-12-01T10:00:00Z"), accountArrCents: 1n, products: [] });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    const stored = toStored(snapshot);
    expect(parseSnapshot({ ...stored, excluded: [["u9", "Nobody", [stored.reasons.length]]] })).toBeNull();
  });
});
