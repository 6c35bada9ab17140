import { describe, expect, it } from "vitest";
import { CANDIDATES_KEPT, EXCLUDED_KEPT, parseSnapshot, toSnapshot, toStored, type SuggestionSnapshot } from "@/lib/assignment/snapshot";
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

const ENTERPRISE_ONSITE = { segment: "ENTERPRISE", industry: "Fintech", region: "NA", timezone: "America/New_York", primaryLanguage: "English", needsOnsite: true, arrCents: 120_000_00n } as const;

function snapshotOver(csms: CsmInput[]) {
  const suggestion = suggestCsms({ account: ENTERPRISE_ONSITE, deal: { products: [API] }, csms, rules });
  return toSnapshot(suggestion, { computedAt: new Date("2026-12-01T10:00:00Z"), accountArrCents: 120_000_00n, products: [API] });
}
const roundTrip = (snapshot: SuggestionSnapshot) => parseSnapshot(JSON.parse(JSON.stringify(toStored(snapshot))) as unknown);

describe("the stored suggestion snapshot", () => {
  it("keeps the top candidates whole, the excluded CSMs closest to eligible, and the totals over every CSM", () => {
    const snapshot = snapshotOver(Array.from({ length: 60 }, (_, i) => csm(i)));
    expect(snapshot.candidates.length).toBeGreaterThan(CANDIDATES_KEPT);
    expect(snapshot.excluded.length).toBeGreaterThan(EXCLUDED_KEPT);
    const read = roundTrip(snapshot);
    expect(read?.candidates).toEqual(snapshot.candidates.slice(0, CANDIDATES_KEPT));
    expect(read?.candidates[0]?.breakdown.map((term) => term.key)).toEqual(["base", "capacity", "segment", "industry", "products", "timezone", "language", "nps", "retention"]);
    // The closest to eligible: fewest reasons first, ties in the engine's order.
    const closest = [...snapshot.excluded].sort((a, b) => a.reasons.length - b.reasons.length || snapshot.excluded.indexOf(a) - snapshot.excluded.indexOf(b));
    expect(read?.excluded).toEqual(closest.slice(0, EXCLUDED_KEPT));
    expect(read?.excluded[0]?.reasons).toHaveLength(1);
    // Every CSM is counted, and each common reason with how many CSMs it excluded.
    expect(read?.totals.eligible).toBe(snapshot.candidates.length);
    expect(read?.totals.excluded).toBe(snapshot.excluded.length);
    expect(read?.totals.reasons.length).toBeGreaterThan(0);
    for (const { reason, count } of read?.totals.reasons ?? []) expect(count).toBe(snapshot.excluded.filter((entry) => entry.reasons.includes(reason)).length);
    expect(read).toMatchObject({ computedAt: snapshot.computedAt, accountArrCents: snapshot.accountArrCents, products: snapshot.products, noEligibleHint: snapshot.noEligibleHint });

    const rescored = { ...snapshot, rescored: { at: "2026-12-02T09:00:00.000Z", changes: [{ field: "Products", from: "Core", to: "API Gateway" }], previousTop: "CSM 1" } };
    expect(roundTrip(rescored)?.rescored).toEqual(rescored.rescored);
  });

  it("reads back a small roster's snapshot exactly, every candidate and excluded CSM", () => {
    const snapshot = snapshotOver(Array.from({ length: 12 }, (_, i) => csm(i)));
    expect(snapshot.candidates.length).toBeLessThanOrEqual(CANDIDATES_KEPT);
    expect(snapshot.excluded.length).toBeGreaterThan(0);
    expect(snapshot.excluded.length).toBeLessThanOrEqual(EXCLUDED_KEPT);
    const read = roundTrip(snapshot);
    expect(read).toEqual({ ...snapshot, excluded: read?.excluded, totals: { eligible: snapshot.candidates.length, excluded: snapshot.excluded.length, reasons: expect.any(Array) } });
    expect(new Set(read?.excluded)).toEqual(new Set(snapshot.excluded));
  });

  it("stays small over 1,000 CSMs: the kept parts do not grow with the roster", () => {
    const sizeOver = (n: number) => JSON.stringify(toStored(snapshotOver(Array.from({ length: n }, (_, i) => csm(i, { name: `Customer Success Manager ${i}` }))))).length;
    const [hundred, thousand] = [sizeOver(100), sizeOver(1_000)];
    expect(thousand).toBeLessThan(16_000);
    expect(thousand).toBeLessThan(hundred * 1.5);
  });

  it("still reads a version 2 snapshot as stored, and refuses a reason index out of range", () => {
    const snapshot = toSnapshot(suggestCsms({
      account: { segment: "ENTERPRISE", industry: "Fintech", region: "NA", timezone: "America/New_York", primaryLanguage: "English", needsOnsite: false, arrCents: 1n },
      deal: { products: [] },
      csms: [csm(1), csm(4)],
      rules,
    }), { computedAt: new Date("2026-12-01T10:00:00Z"), accountArrCents: 1n, products: [] });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual({ ...snapshot, totals: { eligible: 2, excluded: 0, reasons: [] } });
    const stored = toStored(snapshot);
    expect(parseSnapshot({ ...stored, excluded: [["u9", "Nobody", [stored.reasons.length]]] })).toBeNull();
  });
});
