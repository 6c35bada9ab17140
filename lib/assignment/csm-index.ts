import { accountsReason, dollars } from "@/lib/assignment/eligibility";
import { baseTerm, capacityTerm, npsTerm, retentionTerm } from "@/lib/assignment/score";
import type { AssignmentRules, CsmBookInput, CsmInput, CsmLoad, CsmProfileInput, ScoreTerm, Segment } from "@/lib/assignment/types";

// Everything about the CSMs that does not depend on the account, computed once per suggester: limits, the
// fixed score terms, reason texts, and one flag array per listed value (segment, industry, language, product,
// certification) so the per-suggestion loop only reads flat arrays. A CSM's limits are its profile's own. Built in
// two steps — the profiles (indexProfiles), then their books (withBooks) — so a server can keep the first.

export const SEGMENTS: readonly Segment[] = ["ENTERPRISE", "MID_MARKET", "SCALE"];

export type IndexedCsm = {
  userId: string;
  name: string;
  tier: Segment;
  tierIndex: number;
  regionId: number;
  timezoneId: number;
  /** Null when one more account fits (current + 1 ≤ max accounts). */
  accountsReason: string | null;
  /** Max ARR − current ARR: the account fits when its ARR ≤ this. */
  arrHeadroom: bigint;
  /** Dollar texts for the ARR reason, formatted on first use. */
  arrTexts: { current: string; max: string } | null;
  /** base + capacity + NPS + retention, in units. */
  fixedUnits: number;
  capacity: ScoreTerm;
  nps: ScoreTerm;
  retention: ScoreTerm;
  load: CsmLoad;
};

export type CsmIndex = {
  csms: IndexedCsm[];
  base: ScoreTerm;
  regionIds: Map<string, number>;
  regionNames: string[];
  timezoneIds: Map<string, number>;
  timezoneNames: string[];
  segmentFlags: Map<string, Uint8Array>;
  industryFlags: Map<string, Uint8Array>;
  languageFlags: Map<string, Uint8Array>;
  productFlags: Map<string, Uint8Array>;
  certifiedFlags: Map<string, Uint8Array>;
};

/** value → one flag per CSM (1 when the CSM lists the value). */
function flagIndex(csms: readonly CsmProfileInput[], values: (csm: CsmProfileInput) => readonly string[]): Map<string, Uint8Array> {
  const index = new Map<string, Uint8Array>();
  csms.forEach((csm, i) => {
    for (const value of values(csm)) {
      let flags = index.get(value);
      if (!flags) index.set(value, (flags = new Uint8Array(csms.length)));
      flags[i] = 1;
    }
  });
  return index;
}

function intern(ids: Map<string, number>, names: string[], value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = names.length;
    ids.set(value, id);
    names.push(value);
  }
  return id;
}

/** A CSM's part of the index that does not depend on their book. */
type ProfileEntry = Pick<IndexedCsm, "userId" | "name" | "tier" | "tierIndex" | "regionId" | "timezoneId" | "nps" | "retention"> & {
  maxAccounts: number;
  maxArrCents: bigint;
  /** base + NPS + retention, in units. */
  profileUnits: number;
};

/**
 * The index without the books, for the same rules: built once per roster and rules (the server keeps it while
 * neither changes) and completed with the current books by withBooks for each suggestion.
 */
export type ProfileIndex = Omit<CsmIndex, "csms"> & {
  rules: AssignmentRules;
  profiles: ProfileEntry[];
  /** The capacity term per "accounts/max accounts", shared by the suggestions over this index. */
  capacityTerms: Map<string, ScoreTerm>;
};

// Enough for every load of a company's CSMs; past it the memo starts over rather than grow with every book change.
const CAPACITY_MEMO_LIMIT = 20_000;

export function indexProfiles(inputs: readonly CsmProfileInput[], rules: AssignmentRules): ProfileIndex {
  const base = baseTerm(rules);
  const regionIds = new Map<string, number>();
  const regionNames: string[] = [];
  const timezoneIds = new Map<string, number>();
  const timezoneNames: string[] = [];

  const profiles = inputs.map((csm): ProfileEntry => {
    const nps = npsTerm(rules, csm.npsScore);
    const retention = retentionTerm(rules, csm.retentionRate);
    return {
      userId: csm.userId,
      name: csm.name,
      tier: csm.tier,
      tierIndex: SEGMENTS.indexOf(csm.tier),
      regionId: intern(regionIds, regionNames, csm.region),
      timezoneId: intern(timezoneIds, timezoneNames, csm.timezone),
      maxAccounts: csm.maxAccounts,
      maxArrCents: csm.maxArrCents,
      profileUnits: base.units + nps.units + retention.units,
      nps,
      retention,
    };
  });

  return {
    rules,
    profiles,
    capacityTerms: new Map(),
    base,
    regionIds,
    regionNames,
    timezoneIds,
    timezoneNames,
    segmentFlags: flagIndex(inputs, (c) => c.segments),
    industryFlags: flagIndex(inputs, (c) => c.industries),
    languageFlags: flagIndex(inputs, (c) => c.languages),
    productFlags: flagIndex(inputs, (c) => c.productIds),
    certifiedFlags: flagIndex(inputs, (c) => c.certifiedProductIds),
  };
}

/** The full index: the profiles' with each CSM's book (`books[i]` is the book of the profile at position i). */
export function withBooks(index: ProfileIndex, books: readonly CsmBookInput[]): CsmIndex {
  if (books.length !== index.profiles.length) throw new Error(`${books.length} books for ${index.profiles.length} CSM profiles`);
  const { profiles, capacityTerms, rules, ...shared } = index;
  if (capacityTerms.size > CAPACITY_MEMO_LIMIT) capacityTerms.clear();
  const csms = profiles.map((profile, i): IndexedCsm => {
    const { currentAccounts, currentArrCents } = books[i]!;
    const key = `${currentAccounts}/${profile.maxAccounts}`;
    let capacity = capacityTerms.get(key);
    if (!capacity) capacityTerms.set(key, (capacity = capacityTerm(rules, currentAccounts, profile.maxAccounts)));
    return {
      userId: profile.userId,
      name: profile.name,
      tier: profile.tier,
      tierIndex: profile.tierIndex,
      regionId: profile.regionId,
      timezoneId: profile.timezoneId,
      accountsReason: accountsReason(currentAccounts, profile.maxAccounts),
      arrHeadroom: profile.maxArrCents - currentArrCents,
      arrTexts: null,
      fixedUnits: profile.profileUnits + capacity.units,
      capacity,
      nps: profile.nps,
      retention: profile.retention,
      load: Object.freeze({ accounts: currentAccounts, maxAccounts: profile.maxAccounts, arrCents: currentArrCents, maxArrCents: profile.maxArrCents }),
    };
  });
  return { ...shared, csms };
}

export function indexCsms(inputs: readonly CsmInput[], rules: AssignmentRules): CsmIndex {
  return withBooks(indexProfiles(inputs, rules), inputs);
}

/** The CSM's ARR texts, formatted once and kept. */
export function arrTexts(csm: IndexedCsm): { current: string; max: string } {
  return (csm.arrTexts ??= { current: dollars(csm.load.arrCents), max: dollars(csm.load.maxArrCents) });
}
