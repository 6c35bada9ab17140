import { describe, expect, it } from "vitest";
import {
  createSuggester,
  suggestCsms,
  suggestOverProfiles,
  type AccountInput,
  type AssignmentRules,
  type Candidate,
  type CsmInput,
  type DealInput,
  type Suggestion,
} from "@/lib/assignment/suggest";
import { indexProfiles } from "@/lib/assignment/csm-index";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

const rules: AssignmentRules = { scoring: DEFAULT_SETTINGS.scoring, capacity: DEFAULT_SETTINGS.capacity };

const CORE = { id: "p_core", name: "Core", technical: false };
const ANALYTICS = { id: "p_analytics", name: "Analytics Pro", technical: true };
const API = { id: "p_api", name: "API Gateway", technical: true };

function account(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    segment: "ENTERPRISE",
    industry: "Fintech",
    region: "NA",
    timezone: "America/New_York",
    primaryLanguage: "English",
    needsOnsite: false,
    arrCents: 120_000_00n,
    ...overrides,
  };
}

/** A CSM that matches nothing optional: only base + NPS + retention score. */
function csm(overrides: Partial<CsmInput> = {}): CsmInput {
  return {
    userId: "u1",
    name: "Casey",
    tier: "ENTERPRISE",
    maxAccounts: 15,
    maxArrCents: 5_000_000_00n,
    segments: [],
    industries: [],
    productIds: [],
    certifiedProductIds: [],
    region: "NA",
    timezone: "Europe/London",
    languages: [],
    npsScore: 0,
    retentionRate: 0,
    currentAccounts: 0,
    currentArrCents: 0n,
    ...overrides,
  };
}

const noProducts: DealInput = { products: [] };

function run(csms: CsmInput[], acc = account(), deal: DealInput = noProducts, r = rules): Suggestion {
  return suggestCsms({ account: acc, deal, csms, rules: r });
}

function only(csmInput: CsmInput, acc = account(), deal: DealInput = noProducts, r = rules): Candidate {
  const result = run([csmInput], acc, deal, r);
  expect(result.excluded).toEqual([]);
  const top = result.top;
  if (!top) throw new Error("expected an eligible CSM");
  return top;
}

function points(candidate: Candidate): Record<string, number> {
  return Object.fromEntries(candidate.breakdown.map((t) => [t.key, t.points]));
}

function reasonsOf(result: Suggestion, userId = "u1"): string[] {
  return result.excluded.find((e) => e.userId === userId)?.reasons ?? [];
}

function sumOfTerms(candidate: Candidate): number {
  return candidate.breakdown.reduce((sum, t) => sum + t.units, 0);
}

const U = 100_000_000;

describe("the seed's score", () => {
  it("computes the worked example term by term: 100 − 20 + 25 + 20 + 2×10 + 15 + 15 + 45×0.2 + 92×0.3 = 211.6", () => {
    const top = only(
      csm({
        currentAccounts: 13, // 13/15 = 86.7% > 80% → −20
        segments: ["ENTERPRISE", "MID_MARKET"],
        industries: ["Fintech"],
        productIds: [CORE.id, ANALYTICS.id, "p_other"],
        certifiedProductIds: [ANALYTICS.id, API.id],
        timezone: "America/New_York",
        languages: ["German", "English"],
        npsScore: 45,
        retentionRate: 92,
      }),
      account(),
      { products: [CORE, ANALYTICS, API] },
    );
    expect(top.score).toBe(211.6);
    expect(top.scoreUnits).toBe(211.6 * U);
    expect(points(top)).toEqual({
      base: 100,
      capacity: -20,
      segment: 25,
      industry: 20,
      products: 20,
      timezone: 15,
      language: 15,
      nps: 9,
      retention: 27.6,
    });
    expect(top.breakdown.map((t) => t.key)).toEqual(["base", "capacity", "segment", "industry", "products", "timezone", "language", "nps", "retention"]);
    expect(sumOfTerms(top)).toBe(top.scoreUnits);
    const byKey = Object.fromEntries(top.breakdown.map((t) => [t.key, t]));
    expect(byKey.capacity).toMatchObject({ label: "Capacity", detail: "13/15 accounts (86.7% used, over 80%)" });
    expect(byKey.products?.detail).toBe("2 of 3 deal products: Core, Analytics Pro");
    expect(byKey.nps?.detail).toBe("NPS 45 × 0.2");
    expect(byKey.retention?.detail).toBe("92% retention × 0.3");
  });

  it("scores a CSM that matches nothing optional: 100 + 0 + … + (−15)×0.2 + 85.5×0.3 = 122.65", () => {
    const top = only(csm({ currentAccounts: 5, npsScore: -15, retentionRate: 85.5 }), account(), { products: [CORE] });
    expect(points(top)).toEqual({
      base: 100,
      capacity: 0,
      segment: 0,
      industry: 0,
      products: 0,
      timezone: 0,
      language: 0,
      nps: -3,
      retention: 25.65,
    });
    expect(top.score).toBe(122.65);
    expect(sumOfTerms(top)).toBe(12265 * 1_000_000);
  });

  it("computes fractional terms exactly and rounds nothing: 100 + 7 × 0.2 + 33.33 × 0.3 = 111.399", () => {
    // Floating point gives 1.4000000000000001 and 9.998999999999999; the engine keeps 1.4 and 9.999.
    const top = only(csm({ npsScore: 7, retentionRate: 33.33 }));
    expect(points(top).nps).toBe(1.4);
    expect(points(top).retention).toBe(9.999);
    expect(top.scoreUnits).toBe(111_399_000_00);
    expect(top.score).toBe(111.399);
    expect(sumOfTerms(top)).toBe(top.scoreUnits);
  });

  it("keeps thirds of a point exact through sums and comparisons (33.35 × 0.3 = 10.005, 66.65 × 0.2 = 13.33)", () => {
    // Rounding each term to hundredths would give 10.01 and 13.33 → 123.34 ≠ 123.335.
    const a = only(csm({ userId: "a", name: "Ann", npsScore: 66.65, retentionRate: 33.35 }));
    expect(a.scoreUnits).toBe(123_335_000_00);
    // 33.35 × 0.2 = 6.67 and 44.45 × 0.3 = 13.335 → 120.005.
    expect(only(csm({ userId: "b", name: "Bo", npsScore: 33.35, retentionRate: 44.45 })).scoreUnits).toBe(120_005_000_00);
    const ranked = run([csm({ userId: "b", name: "Bo", npsScore: 33.35, retentionRate: 44.45 }), csm({ userId: "a", name: "Ann", npsScore: 66.65, retentionRate: 33.35 })]);
    expect(ranked.candidates.map((c) => [c.userId, c.scoreUnits])).toEqual([
      ["a", 123_335_000_00],
      ["b", 120_005_000_00],
    ]);
  });

  it("counts each deal product once, by id", () => {
    const top = only(csm({ productIds: [CORE.id] }), account(), { products: [CORE, CORE] });
    expect(points(top).products).toBe(10);
    expect(top.breakdown[4]?.detail).toBe("1 of 1 deal products: Core");
  });

  describe("capacity penalty (current accounts / max accounts, before this account)", () => {
    // Scale tier allows 200 accounts; a profile of 100 makes the ratios exact.
    const scale = (current: number) => only(csm({ tier: "SCALE", maxAccounts: 100, maxArrCents: 100_000_00n, currentAccounts: current }), account({ segment: "SCALE", arrCents: 1_000_00n }));

    it("exactly 0.8 → no penalty; 0.81 → −20", () => {
      expect(points(scale(80)).capacity).toBe(0);
      expect(points(scale(81)).capacity).toBe(-20);
    });

    it("exactly 0.9 → −20; 0.91 → −40", () => {
      expect(points(scale(90)).capacity).toBe(-20);
      expect(points(scale(91)).capacity).toBe(-40);
      expect(scale(91).breakdown[1]?.detail).toBe("91/100 accounts (91.0% used, over 90%)");
    });

    it("12/15 is exactly 80% (no penalty), 14/15 is over 90% (−40)", () => {
      expect(points(only(csm({ currentAccounts: 12 }))).capacity).toBe(0);
      expect(points(only(csm({ currentAccounts: 14 }))).capacity).toBe(-40);
    });
  });
});

describe("must-match filters", () => {
  it("tier must equal the account segment", () => {
    const result = run([csm({ tier: "MID_MARKET", maxAccounts: 50, maxArrCents: 2_000_000_00n })]);
    expect(result.candidates).toEqual([]);
    expect(reasonsOf(result)).toEqual(["Mid-Market tier, account is Enterprise"]);
  });

  it("region must match only when the account needs on-site work", () => {
    const emea = csm({ region: "EMEA" });
    expect(reasonsOf(run([emea], account({ needsOnsite: true })))).toEqual(["region EMEA, account needs on-site work in NA"]);
    expect(run([emea], account({ needsOnsite: false })).top?.userId).toBe("u1");
  });

  it("needs a certification for every technical product, one reason per missing product", () => {
    const deal = { products: [CORE, ANALYTICS, API] };
    expect(reasonsOf(run([csm({ certifiedProductIds: [API.id] })], account(), deal))).toEqual(["no certification for Analytics Pro"]);
    expect(reasonsOf(run([csm()], account(), deal))).toEqual(["no certification for Analytics Pro", "no certification for API Gateway"]);
    expect(run([csm({ certifiedProductIds: [ANALYTICS.id, API.id] })], account(), deal).top?.userId).toBe("u1");
    // Non-technical products need no certification.
    expect(run([csm()], account(), { products: [CORE] }).top?.userId).toBe("u1");
  });

  it("capacity in accounts includes this account: 14/15 fits, 15/15 does not", () => {
    expect(run([csm({ currentAccounts: 14 })]).top?.load).toEqual({ accounts: 14, maxAccounts: 15, arrCents: 0n, maxArrCents: 5_000_000_00n });
    expect(reasonsOf(run([csm({ currentAccounts: 15 })]))).toEqual(["at capacity 15/15 accounts"]);
  });

  it("capacity in ARR includes this account: exactly the limit after adding fits, one cent over does not", () => {
    expect(run([csm({ currentArrCents: 4_880_000_00n })]).top?.userId).toBe("u1");
    expect(reasonsOf(run([csm({ currentArrCents: 4_950_000_00n })]))).toEqual(["would exceed ARR limit: $4,950,000 + $120,000 > $5,000,000"]);
    expect(reasonsOf(run([csm({ currentArrCents: 4_880_000_01n })]))).toEqual([
      "would exceed ARR limit: $4,880,000.01 + $120,000 > $5,000,000",
    ]);
  });

  it("reports every reason of an excluded CSM, and keeps the input order of excluded CSMs", () => {
    const result = run(
      [
        csm({ userId: "u1", tier: "SCALE", region: "EMEA", maxAccounts: 100, currentAccounts: 100, maxArrCents: 500_000_00n, currentArrCents: 450_000_00n }),
        csm({ userId: "u2", name: "Drew", currentAccounts: 15 }),
        csm({ userId: "u3", name: "Eli", certifiedProductIds: [ANALYTICS.id] }),
      ],
      account({ needsOnsite: true }),
      { products: [ANALYTICS] },
    );
    expect(result.excluded.map((e) => e.userId)).toEqual(["u1", "u2"]);
    expect(reasonsOf(result, "u1")).toEqual([
      "Scale tier, account is Enterprise",
      "region EMEA, account needs on-site work in NA",
      "no certification for Analytics Pro",
      "at capacity 100/100 accounts",
      "would exceed ARR limit: $450,000 + $120,000 > $500,000",
    ]);
    expect(reasonsOf(result, "u2")).toEqual(["no certification for Analytics Pro", "at capacity 15/15 accounts"]);
    expect(result.top?.userId).toBe("u3");
    expect(result.noEligibleHint).toBeNull();
  });

  describe("the profile's own limits decide capacity (tier values are only defaults)", () => {
    it("an Enterprise profile allowing 20 accounts takes a 16th, and 14/20 is 70% load (no penalty)", () => {
      const big = csm({ maxAccounts: 20, maxArrCents: 6_000_000_00n, currentAccounts: 15 });
      expect(run([big]).top?.load).toEqual({ accounts: 15, maxAccounts: 20, arrCents: 0n, maxArrCents: 6_000_000_00n });
      const top = only(csm({ maxAccounts: 20, currentAccounts: 14 }));
      expect(top.load.maxAccounts).toBe(20);
      expect(points(top).capacity).toBe(0);
      expect(top.breakdown[1]?.detail).toBe("14/20 accounts (70.0% used, no penalty up to 80%)");
      expect(reasonsOf(run([csm({ maxAccounts: 20, currentAccounts: 20 })]))).toEqual(["at capacity 20/20 accounts"]);
    });

    it("an ARR limit above the tier's is the profile's: $6M allows $4.95M + $120K", () => {
      const rich = csm({ maxAccounts: 20, maxArrCents: 6_000_000_00n, currentAccounts: 3, currentArrCents: 4_950_000_00n });
      expect(run([rich]).top?.userId).toBe("u1");
      expect(reasonsOf(run([csm({ maxArrCents: 6_000_000_00n, currentArrCents: 5_900_000_00n })]))).toEqual([
        "would exceed ARR limit: $5,900,000 + $120,000 > $6,000,000",
      ]);
    });

    it("a profile below the tier range keeps its own limit", () => {
      expect(reasonsOf(run([csm({ maxAccounts: 8, currentAccounts: 8 })]))).toEqual(["at capacity 8/8 accounts"]);
      expect(only(csm({ maxAccounts: 12, maxArrCents: 1_000_000_00n })).load).toMatchObject({ maxAccounts: 12, maxArrCents: 1_000_000_00n });
    });
  });
});

describe("ranking", () => {
  it("ranks by score, highest first, with ranks 1..n", () => {
    const result = run([
      csm({ userId: "low", name: "Low", npsScore: 10 }),
      csm({ userId: "high", name: "High", npsScore: 50 }),
      csm({ userId: "mid", name: "Mid", npsScore: 30 }),
    ]);
    expect(result.candidates.map((c) => [c.rank, c.userId, c.score])).toEqual([
      [1, "high", 110],
      [2, "mid", 106],
      [3, "low", 102],
    ]);
    expect(result.top).toBe(result.candidates[0]);
  });

  it("breaks a tie by lower load (accounts ÷ max accounts, exact thirds), then name (en collation), never by ARR", () => {
    const mm = (o: Partial<CsmInput>) => csm({ tier: "MID_MARKET", maxAccounts: 50, maxArrCents: 2_000_000_00n, ...o });
    const result = run(
      [
        mm({ userId: "a", name: "Avery", maxAccounts: 30, currentAccounts: 11 }), // 11/30 > 1/3
        mm({ userId: "b", name: "Blake", maxAccounts: 45, currentAccounts: 15, currentArrCents: 100_000_00n }), // 1/3, little ARR
        mm({ userId: "c", name: "Cam", maxAccounts: 30, currentAccounts: 10, currentArrCents: 1_500_000_00n }), // 1/3, much ARR
        mm({ userId: "d", name: "alex", maxAccounts: 36, currentAccounts: 12, currentArrCents: 900_000_00n }), // 1/3
        mm({ userId: "e", name: "Zoe", maxAccounts: 31, currentAccounts: 10 }), // 10/31 < 1/3
      ],
      account({ segment: "MID_MARKET" }),
    );
    expect(new Set(result.candidates.map((c) => c.score))).toEqual(new Set([100]));
    // Equal thirds in name order ("alex" before "Blake" in English collation), whatever their ARR.
    expect(result.candidates.map((c) => c.name)).toEqual(["Zoe", "alex", "Blake", "Cam", "Avery"]);
  });

  it("ranks an exact tie of scores built from different terms by load, not by float noise", () => {
    // 0.1 × 3 style noise: 45 × 0.2 + 30 × 0.3 = 18 exactly; 90 × 0.2 = 18 exactly; in floats 9.000000000000002 + 9.
    const result = run([
      csm({ userId: "x", name: "Xavi", npsScore: 45, retentionRate: 30, currentAccounts: 6 }),
      csm({ userId: "y", name: "Yara", npsScore: 90, retentionRate: 0, currentAccounts: 5 }),
    ]);
    expect(result.candidates.map((c) => c.scoreUnits)).toEqual([118 * U, 118 * U]);
    expect(result.candidates.map((c) => c.userId)).toEqual(["y", "x"]);
  });

  it("takes every weight from the rules: changing one changes the ranking", () => {
    const csms = [
      csm({ userId: "industry", name: "Indy", industries: ["Fintech"] }), // +20
      csm({ userId: "language", name: "Lang", languages: ["English"] }), // +15
    ];
    expect(run(csms).top?.userId).toBe("industry");
    const languageFirst: AssignmentRules = { ...rules, scoring: { ...rules.scoring, languageMatch: 30 } };
    const result = run(csms, account(), noProducts, languageFirst);
    expect(result.top?.userId).toBe("language");
    expect(result.top?.score).toBe(130);

    const base50: AssignmentRules = { ...rules, scoring: { ...rules.scoring, base: 50, npsFactor: 1 } };
    expect(only(csm({ npsScore: 12 }), account(), noProducts, base50).score).toBe(62);
  });

  it("takes the capacity thresholds and penalties from the rules", () => {
    const lenient: AssignmentRules = { ...rules, scoring: { ...rules.scoring, capacityMediumThreshold: 0.85, capacityMediumPenalty: 5 } };
    expect(points(only(csm({ currentAccounts: 13 }), account(), noProducts, lenient)).capacity).toBe(-5); // 86.7% > 85%
    expect(points(only(csm({ currentAccounts: 12 }), account(), noProducts, lenient)).capacity).toBe(0); // 80% ≤ 85%
  });
});

describe("no eligible CSM", () => {
  it("names the causes and the fixes", () => {
    const full = (userId: string) => csm({ userId, name: userId, currentAccounts: 15 });
    const result = run([full("x"), full("y"), full("z"), csm({ userId: "mm", tier: "MID_MARKET" })], account(), { products: [ANALYTICS] });
    expect(result.candidates).toEqual([]);
    expect(result.top).toBeNull();
    expect(result.excluded).toHaveLength(4);
    expect(result.noEligibleHint).toBe(
      "No eligible CSM: 3 Enterprise CSMs are at capacity (3 by accounts) — raise a limit or rebalance; nobody is certified for Analytics Pro — certify someone.",
    );
  });

  it("separates region, ARR and partly missing certifications", () => {
    const result = run(
      [
        csm({ userId: "a", region: "EMEA", certifiedProductIds: [ANALYTICS.id] }),
        csm({ userId: "b", currentArrCents: 4_990_000_00n }),
        csm({ userId: "c", tier: "SCALE", certifiedProductIds: [API.id] }),
      ],
      account({ needsOnsite: true }),
      { products: [ANALYTICS, API] },
    );
    expect(result.noEligibleHint).toBe(
      "No eligible CSM: 1 Enterprise CSM is at capacity (1 by ARR) — raise a limit or rebalance; " +
        "1 Enterprise CSM is outside NA and the account needs on-site work — add an Enterprise CSM in NA or drop the on-site need; " +
        "1 Enterprise CSM is not certified for Analytics Pro — certify one; no Enterprise CSM is certified for API Gateway — certify one.",
    );
  });

  it("says when nobody has the tier, or there are no CSMs at all", () => {
    expect(run([csm({ tier: "SCALE" })]).noEligibleHint).toBe(
      "No eligible CSM: nobody has the Enterprise tier (the tier must match the account segment) — add an Enterprise CSM profile.",
    );
    expect(run([]).noEligibleHint).toBe("No eligible CSM: there are no CSM profiles — add CSM profiles.");
  });
});

/** A small deterministic population (LCG) over every attribute. */
function population(count: number) {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const tiers = ["ENTERPRISE", "MID_MARKET", "SCALE"] as const;
  const csms: CsmInput[] = Array.from({ length: count }, (_, i) => {
    const tier = tiers[next(3)]!;
    const limits = rules.capacity[tier];
    return csm({
      userId: `u${i}`,
      name: `CSM ${next(20)}`,
      tier,
      maxAccounts: limits.maxAccounts,
      maxArrCents: BigInt(limits.maxArrCents),
      segments: [tiers[next(3)]!],
      industries: next(2) ? ["Fintech"] : ["Retail"],
      productIds: [CORE.id, ANALYTICS.id, API.id].filter(() => next(2) === 1),
      certifiedProductIds: next(3) ? [ANALYTICS.id] : [],
      region: next(4) ? "NA" : "EMEA",
      timezone: next(2) ? "America/New_York" : "America/Chicago",
      languages: next(2) ? ["English"] : ["Spanish"],
      npsScore: next(101) - 20,
      retentionRate: next(1000) / 10,
      currentAccounts: next(limits.maxAccounts + 1),
      currentArrCents: BigInt(next(limits.maxArrCents)),
    });
  });
  return { csms, next, tiers };
}

describe("createSuggester", () => {
  it("gives the same result as suggestCsms, call after call, and keeps every total exact", () => {
    const { csms, next, tiers } = population(60);
    const suggest = createSuggester(csms, rules);
    // Over the 20 accounts both candidates and exclusions occur, so the per-row checks below run on both.
    let ranked = 0;
    let excluded = 0;
    for (let k = 0; k < 20; k++) {
      const acc = account({ segment: tiers[k % 3]!, needsOnsite: k % 4 === 0, arrCents: BigInt(next(200_000_00)) });
      const deal = { products: [CORE, ANALYTICS, API].slice(0, 1 + (k % 3)) };
      const bulk = suggest(acc, deal);
      expect(bulk).toEqual(run(csms, acc, deal));
      expect(bulk.candidates.length + bulk.excluded.length).toBe(csms.length);
      bulk.candidates.forEach((c, r) => {
        expect(c.rank).toBe(r + 1);
        expect(sumOfTerms(c)).toBe(c.scoreUnits);
        expect(Number.isInteger(c.scoreUnits)).toBe(true);
        if (r > 0) expect(bulk.candidates[r - 1]!.scoreUnits).toBeGreaterThanOrEqual(c.scoreUnits);
      });
      for (const e of bulk.excluded) expect(e.reasons.length).toBeGreaterThan(0);
      ranked += bulk.candidates.length;
      excluded += bulk.excluded.length;
    }
    expect(ranked).toBeGreaterThan(0);
    expect(excluded).toBeGreaterThan(0);
  });
});

describe("suggestOverProfiles", () => {
  it("over one index of the profiles, gives what suggestCsms gives for the same CSMs with each new set of books", () => {
    const { csms, next, tiers } = population(60);
    const index = indexProfiles(csms, rules);
    let changed = 0;
    for (let k = 0; k < 12; k++) {
      // New books every round, as between two suggestions on the server; the profiles stay.
      const booked = csms.map((c) => ({ ...c, currentAccounts: next(c.maxAccounts + 2), currentArrCents: BigInt(next(Number(c.maxArrCents) + 1)) }));
      const acc = account({ segment: tiers[k % 3]!, needsOnsite: k % 4 === 0, arrCents: BigInt(next(200_000_00)) });
      const deal = { products: [CORE, ANALYTICS, API].slice(0, 1 + (k % 3)) };
      const fresh = run(booked, acc, deal);
      expect(fresh.candidates.length + fresh.excluded.length).toBe(60);
      expect(suggestOverProfiles(index, booked, acc, deal)).toEqual(fresh);
      if (JSON.stringify(fresh.candidates.map((c) => c.userId)) !== JSON.stringify(run(csms, acc, deal).candidates.map((c) => c.userId))) changed++;
    }
    // The books did move the outcome, so an index that kept old books would have failed above.
    expect(changed).toBeGreaterThan(0);
  });

  it("refuses books that do not line up with the profiles", () => {
    const index = indexProfiles([csm({ userId: "a" }), csm({ userId: "b" })], rules);
    expect(() => suggestOverProfiles(index, [{ currentAccounts: 0, currentArrCents: 0n }], account(), noProducts)).toThrow("1 books for 2 CSM profiles");
  });
});
