import { arrTexts, indexCsms, SEGMENTS, withBooks, type CsmIndex, type IndexedCsm, type ProfileIndex } from "@/lib/assignment/csm-index";
import { arrReason, certificationReason, dollars, noEligibleHint, regionReason, tierReason, type ExclusionTally } from "@/lib/assignment/eligibility";
import { accountTerms, productsTerm, timezoneMissTerm, UNITS_PER_POINT } from "@/lib/assignment/score";
import type {
  AccountInput,
  AssignmentRules,
  Candidate,
  CsmBookInput,
  CsmInput,
  DealInput,
  DealProductInput,
  ExcludedCsm,
  ScoreTerm,
  SuggestInput,
  Suggester,
  Suggestion,
} from "@/lib/assignment/types";

export type * from "@/lib/assignment/types";

// The CSM suggestion engine (SPEC.md "CSM assignment", spec 000 Step 3 and "CSM Assignment Rules"): pure, no
// I/O. Must-match filters first (tier = account segment; same region when on-site work is needed; a
// certification for every technical product; room for one more account and its ARR within the CSM profile's
// own limits), then the seed's score (score.ts, exact) for the eligible CSMs, ranked by score, then lower load
// (accounts ÷ max accounts), then name.
//
// createSuggester indexes the CSMs once (csm-index.ts) so each suggestion is a tight loop over flat data.
// The returned term and load objects are frozen and shared between suggestions — copy before changing.
// A suggester is a snapshot: build a new one when CSM loads or rules change.

const collator = new Intl.Collator("en");

function uniqueProducts(products: readonly DealProductInput[]): DealProductInput[] {
  const seen = new Set<string>();
  return products.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** Indexes the CSMs once; the returned function suggests for one account and deal. */
export function createSuggester(csmInputs: readonly CsmInput[], rules: AssignmentRules): Suggester {
  return suggesterOver(indexCsms(csmInputs, rules), rules);
}

/** One suggestion over an index of profiles kept between suggestions (indexProfiles) and the CSMs' current books. */
export function suggestOverProfiles(profiles: ProfileIndex, books: readonly CsmBookInput[], account: AccountInput, deal: DealInput): Suggestion {
  return suggesterOver(withBooks(profiles, books), profiles.rules)(account, deal);
}

function suggesterOver(index: CsmIndex, rules: AssignmentRules): Suggester {
  return function suggest(account: AccountInput, deal: DealInput): Suggestion {
    const round = suggestionRound(index, rules, account, deal);
    const candidates: Candidate[] = [];
    const excluded: ExcludedCsm[] = [];
    for (let i = 0; i < index.csms.length; i++) {
      const csm = index.csms[i]!;
      const reasons = exclusionReasons(round, csm, i);
      if (reasons !== null) excluded.push({ userId: csm.userId, name: csm.name, reasons });
      else candidates.push(scoredCandidate(round, csm, i));
    }
    candidates.sort(compareCandidates);
    for (let r = 0; r < candidates.length; r++) candidates[r]!.rank = r + 1;
    return {
      candidates,
      excluded,
      top: candidates[0] ?? null,
      noEligibleHint: candidates.length === 0 ? noEligibleHint(account.segment, account, round.tally) : null,
    };
  };
}

type SuggestionRound = ReturnType<typeof suggestionRound>;

/**
 * What one suggestion reads for every CSM, worked out once for the account and deal: its score terms, which CSMs
 * match its segment, industry, language, products and certifications (flags by CSM position), the reason texts,
 * and the tally of exclusions behind the "no eligible CSM" hint.
 */
function suggestionRound(index: CsmIndex, rules: AssignmentRules, account: AccountInput, deal: DealInput) {
  const terms = accountTerms(rules, account);
  const products = uniqueProducts(deal.products);
  const technical = products.filter((p) => p.technical);
  const certHits = technical.map((p) => index.certifiedFlags.get(p.id));
  const tally: ExclusionTally = {
    totalCsms: index.csms.length,
    tierMatches: 0,
    outsideRegion: 0,
    atAccountCapacity: 0,
    atArrCapacity: 0,
    atAnyCapacity: 0,
    uncertified: technical.map((p, j) => ({ name: p.name, count: 0, certifiedAnywhere: certHits[j] !== undefined })),
  };
  return {
    index,
    rules,
    account,
    terms,
    tally,
    segmentHit: index.segmentFlags.get(account.segment),
    industryHit: index.industryFlags.get(account.industry),
    languageHit: index.languageFlags.get(account.primaryLanguage),
    accountTimezone: index.timezoneIds.get(account.timezone) ?? -1,
    accountRegion: index.regionIds.get(account.region) ?? -1,
    tierTexts: SEGMENTS.map((tier) => tierReason(tier, account.segment)),
    timezoneMiss: [] as (ScoreTerm | undefined)[],
    regionTexts: [] as (string | undefined)[],
    accountArrText: null as string | null,
    products,
    productHits: products.map((p) => index.productFlags.get(p.id)),
    certHits,
    certTexts: technical.map((p) => certificationReason(p.name)),
    // The products term per set of overlapping products, keyed by a bit mask over the deal's products.
    maskable: products.length <= 30,
    productTerms: new Map<number, { term: ScoreTerm; points: number }>(),
  };
}

/** The must-match filters for the CSM at position `i`: every reason it is excluded (not just the first), or null. */
function exclusionReasons(round: SuggestionRound, csm: IndexedCsm, i: number): string[] | null {
  const { account, tally } = round;
  let reasons: string[] | null = null;
  const tierMatch = csm.tier === account.segment;
  if (tierMatch) tally.tierMatches++;
  else reasons = [round.tierTexts[csm.tierIndex]!];
  if (account.needsOnsite && csm.regionId !== round.accountRegion) {
    (reasons ??= []).push((round.regionTexts[csm.regionId] ??= regionReason(round.index.regionNames[csm.regionId]!, account.region)));
    if (tierMatch) tally.outsideRegion++;
  }
  for (let j = 0; j < round.certHits.length; j++) {
    if (round.certHits[j]?.[i] !== 1) {
      (reasons ??= []).push(round.certTexts[j]!);
      if (tierMatch) tally.uncertified[j]!.count++;
    }
  }
  const overAccounts = csm.accountsReason !== null;
  if (overAccounts) (reasons ??= []).push(csm.accountsReason!);
  const overArr = account.arrCents > csm.arrHeadroom;
  if (overArr) {
    const texts = arrTexts(csm);
    (reasons ??= []).push(arrReason(texts.current, (round.accountArrText ??= dollars(account.arrCents)), texts.max));
  }
  if (tierMatch && (overAccounts || overArr)) {
    tally.atAnyCapacity++;
    if (overAccounts) tally.atAccountCapacity++;
    if (overArr) tally.atArrCapacity++;
  }
  return reasons;
}

/** The seed's score of an eligible CSM at position `i`, with its breakdown (rank is set after sorting). */
function scoredCandidate(round: SuggestionRound, csm: IndexedCsm, i: number): Candidate {
  const { terms, products, productHits } = round;
  const segmentMatch = round.segmentHit?.[i] === 1;
  const industryMatch = round.industryHit?.[i] === 1;
  const languageMatch = round.languageHit?.[i] === 1;
  const timezoneMatch = csm.timezoneId === round.accountTimezone;
  let mask = 0;
  for (let j = 0; j < productHits.length; j++) if (productHits[j]?.[i] === 1) mask |= 1 << j;
  let productTerm = round.maskable ? round.productTerms.get(mask) : undefined;
  if (productTerm === undefined) {
    const names = products.filter((_, j) => productHits[j]?.[i] === 1).map((p) => p.name);
    const t = productsTerm(round.rules, names, products.length);
    productTerm = { term: t, points: t.units };
    if (round.maskable) round.productTerms.set(mask, productTerm);
  }
  const scoreUnits =
    csm.fixedUnits +
    (segmentMatch ? terms.segment[1].units : 0) +
    (industryMatch ? terms.industry[1].units : 0) +
    productTerm.points +
    (timezoneMatch ? terms.timezoneHit.units : 0) +
    (languageMatch ? terms.language[1].units : 0);
  return {
    rank: 0,
    userId: csm.userId,
    name: csm.name,
    tier: csm.tier,
    score: scoreUnits / UNITS_PER_POINT,
    scoreUnits,
    breakdown: [
      round.index.base,
      csm.capacity,
      terms.segment[segmentMatch ? 1 : 0],
      terms.industry[industryMatch ? 1 : 0],
      productTerm.term,
      timezoneMatch
        ? terms.timezoneHit
        : (round.timezoneMiss[csm.timezoneId] ??= timezoneMissTerm(round.index.timezoneNames[csm.timezoneId]!, round.account.timezone)),
      terms.language[languageMatch ? 1 : 0],
      csm.nps,
      csm.retention,
    ],
    load: csm.load,
  };
}

/** Score desc (exact); then lower load (accounts ÷ max accounts, exact); then name (en); then user id. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.scoreUnits !== b.scoreUnits) return b.scoreUnits - a.scoreUnits;
  // a.accounts / a.max vs b.accounts / b.max without division (an eligible CSM has max ≥ 1).
  const loadA = a.load.accounts * b.load.maxAccounts;
  const loadB = b.load.accounts * a.load.maxAccounts;
  if (loadA !== loadB) return loadA - loadB;
  return collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/** One suggestion. For many accounts over the same CSMs, reuse createSuggester(csms, rules). */
export function suggestCsms(input: SuggestInput): Suggestion {
  return createSuggester(input.csms, input.rules)(input.account, input.deal);
}
