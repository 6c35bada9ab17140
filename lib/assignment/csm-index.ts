import { accountsReason, dollars } from "@/lib/assignment/eligibility";
import { baseTerm, capacityTerm, npsTerm, retentionTerm } from "@/lib/assignment/score";
import type { AssignmentRules, CsmInput, CsmLoad, ScoreTerm, Segment } from "@/lib/assignment/types";

// Everything about the CSMs that does not depend on the account, computed once per suggester: limits, the
// fixed score terms, reason texts, and one flag array per listed value (segment, industry, language, product,
// certification) so the per-suggestion loop only reads flat arrays. A CSM's limits are its profile's own.

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
function flagIndex(csms: readonly CsmInput[], values: (csm: CsmInput) => readonly string[]): Map<string, Uint8Array> {
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

export function indexCsms(inputs: readonly CsmInput[], rules: AssignmentRules): CsmIndex {
  const base = baseTerm(rules);
  const regionIds = new Map<string, number>();
  const regionNames: string[] = [];
  const timezoneIds = new Map<string, number>();
  const timezoneNames: string[] = [];

  const csms = inputs.map((csm): IndexedCsm => {
    const capacity = capacityTerm(rules, csm.currentAccounts, csm.maxAccounts);
    const nps = npsTerm(rules, csm.npsScore);
    const retention = retentionTerm(rules, csm.retentionRate);
    return {
      userId: csm.userId,
      name: csm.name,
      tier: csm.tier,
      tierIndex: SEGMENTS.indexOf(csm.tier),
      regionId: intern(regionIds, regionNames, csm.region),
      timezoneId: intern(timezoneIds, timezoneNames, csm.timezone),
      accountsReason: accountsReason(csm.currentAccounts, csm.maxAccounts),
      arrHeadroom: csm.maxArrCents - csm.currentArrCents,
      arrTexts: null,
      fixedUnits: base.units + capacity.units + nps.units + retention.units,
      capacity,
      nps,
      retention,
      load: Object.freeze({
        accounts: csm.currentAccounts,
        maxAccounts: csm.maxAccounts,
        arrCents: csm.currentArrCents,
        maxArrCents: csm.maxArrCents,
      }),
    };
  });

  return {
    csms,
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

/** The CSM's ARR texts, formatted once and kept. */
export function arrTexts(csm: IndexedCsm): { current: string; max: string } {
  return (csm.arrTexts ??= { current: dollars(csm.load.arrCents), max: dollars(csm.load.maxArrCents) });
}
