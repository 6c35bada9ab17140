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

/** Null when one more account fits the profile's own limit; the check is current + 1 > limit. */
export function accountsReason(current: number, limit: number): string | null {
  if (current + 1 <= limit) return null;
  return `${current === limit ? "at capacity" : "over capacity"} ${current}/${limit} accounts`;
}

export function arrReason(currentText: string, accountText: string, limitText: string): string {
  return `would exceed ARR limit: ${currentText} + ${accountText} > ${limitText}`;
}

/**
 * A profile's limits outside its tier's range (SPEC: tier values are the defaults a profile starts with; an
 * admin setting a profile outside them is warned, not overridden). Empty when the profile is inside.
 */
export function tierRangeWarnings(
  profile: { tier: Segment; maxAccounts: number; maxArrCents: bigint },
  capacity: Record<Segment, { minAccounts: number; maxAccounts: number; maxArrCents: number }>,
): string[] {
  const range = capacity[profile.tier];
  const tier = SEGMENT_LABELS[profile.tier];
  const warnings: string[] = [];
  if (profile.maxAccounts < range.minAccounts || profile.maxAccounts > range.maxAccounts) {
    warnings.push(`${tier} profiles usually allow ${range.minAccounts}–${range.maxAccounts} accounts; this one allows ${profile.maxAccounts}, and that is the limit Baton applies.`);
  }
  if (profile.maxArrCents > BigInt(range.maxArrCents)) {
    warnings.push(`${tier} profiles usually allow up to ${dollars(BigInt(range.maxArrCents))} of ARR; this one allows ${dollars(profile.maxArrCents)}, and that is the limit Baton applies.`);
  }
  return warnings;
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
