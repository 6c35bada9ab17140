import { formatCents, formatCentsWhole } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { Segment } from "@/lib/assignment/types";

// Must-match filters: the reason texts shown for an excluded CSM, and the hint shown when nobody is eligible.

/** Whole dollars when the amount has no cents, else dollars and cents (never a misleading truncation). */
export function dollars(cents: bigint): string {
  return cents % 100n === 0n ? formatCentsWhole(cents) : formatCents(cents);
}

export function tierReason(csmTier: Segment, accountSegment: Segment): string {
  return `${SEGMENT_LABELS[csmTier]} tier, account is ${SEGMENT_LABELS[accountSegment]}`;
}

export function regionReason(csmRegion: string, accountRegion: string): string {
  return `region ${csmRegion}, account needs on-site work in ${accountRegion}`;
}

export function certificationReason(productName: string): string {
  return `no certification for ${productName}`;
}

/** The effective limit: the CSM profile's, capped by its tier's configured limit. */
export function effectiveLimit<T extends number | bigint>(profile: T, tier: T): { limit: T; tierCapped: boolean } {
  return profile > tier ? { limit: tier, tierCapped: true } : { limit: profile, tierCapped: false };
}

/** Null when one more account fits; the check is current + 1 > limit. */
export function accountsReason(current: number, limit: number, tier: Segment, tierCapped: boolean, profileLimit: number): string | null {
  if (current + 1 <= limit) return null;
  const cap = tierCapped ? ` (${SEGMENT_LABELS[tier]} tier limit; profile allows ${profileLimit})` : "";
  return `${current === limit ? "at capacity" : "over capacity"} ${current}/${limit} accounts${cap}`;
}

export function arrReason(currentText: string, accountText: string, limitText: string, capNote: string): string {
  return `would exceed ARR limit: ${currentText} + ${accountText} > ${limitText}${capNote}`;
}

export function arrCapNote(tier: Segment, tierCapped: boolean, profileLimit: bigint): string {
  return tierCapped ? ` (${SEGMENT_LABELS[tier]} tier limit; profile allows ${dollars(profileLimit)})` : "";
}

/** Counts of exclusion causes among the CSMs whose tier matches the account (the only possible candidates). */
export type ExclusionTally = {
  totalCsms: number;
  tierMatches: number;
  outsideRegion: number;
  atAccountCapacity: number;
  atArrCapacity: number;
  atAnyCapacity: number;
  /** Per technical product on the deal: tier-matching CSMs without the certification. */
  uncertified: { name: string; count: number; certifiedAnywhere: boolean }[];
};

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function csms(count: number, tier: string): string {
  return count === 1 ? `1 ${tier} CSM is` : `${count} ${tier} CSMs are`;
}

export function noEligibleHint(segment: Segment, account: { region: string }, tally: ExclusionTally): string {
  const tier = SEGMENT_LABELS[segment];
  if (tally.totalCsms === 0) return "No eligible CSM: there are no CSM profiles — add CSM profiles.";
  if (tally.tierMatches === 0) {
    return `No eligible CSM: nobody has the ${tier} tier (the tier must match the account segment) — add ${article(tier)} CSM profile.`;
  }
  const causes: string[] = [];
  if (tally.atAnyCapacity > 0) {
    const by: string[] = [];
    if (tally.atAccountCapacity > 0) by.push(`${tally.atAccountCapacity} by accounts`);
    if (tally.atArrCapacity > 0) by.push(`${tally.atArrCapacity} by ARR`);
    causes.push(`${csms(tally.atAnyCapacity, tier)} at capacity (${by.join(", ")}) — raise a limit or rebalance`);
  }
  if (tally.outsideRegion > 0) {
    causes.push(
      `${csms(tally.outsideRegion, tier)} outside ${account.region} and the account needs on-site work — add ${article(tier)} CSM in ${account.region} or drop the on-site need`,
    );
  }
  for (const product of tally.uncertified) {
    if (product.count === 0) continue;
    if (!product.certifiedAnywhere) causes.push(`nobody is certified for ${product.name} — certify someone`);
    else if (product.count === tally.tierMatches) causes.push(`no ${tier} CSM is certified for ${product.name} — certify one`);
    else causes.push(`${csms(product.count, tier)} not certified for ${product.name} — certify one`);
  }
  return `No eligible CSM: ${causes.join("; ")}.`;
}
