import { arrTexts, indexCsms, SEGMENTS } from "@/lib/assignment/csm-index";
import { arrReason, certificationReason, dollars, noEligibleHint, regionReason, tierReason, type ExclusionTally } from "@/lib/assignment/eligibility";
import { accountTerms, productsTerm, timezoneMissTerm, UNITS_PER_POINT } from "@/lib/assignment/score";
import type {
  AccountInput,
  AssignmentRules,
  Candidate,
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
  const index = indexCsms(csmInputs, rules);
  const { csms, base, regionNames, timezoneNames } = index;
  const count = csms.length;

  return function suggest(account: AccountInput, deal: DealInput): Suggestion {
    const segment = account.segment;
    const terms = accountTerms(rules, account);
    const segmentHit = index.segmentFlags.get(segment);
    const industryHit = index.industryFlags.get(account.industry);
    const languageHit = index.languageFlags.get(account.primaryLanguage);
    const accountTimezone = index.timezoneIds.get(account.timezone) ?? -1;
    const accountRegion = index.regionIds.get(account.region) ?? -1;
    const segmentPoints = terms.segment[1].units;
    const industryPoints = terms.industry[1].units;
    const languagePoints = terms.language[1].units;
    const timezonePoints = terms.timezoneHit.units;
    const tierTexts = SEGMENTS.map((tier) => tierReason(tier, segment));
    const timezoneMiss: (ScoreTerm | undefined)[] = [];
    const regionTexts: (string | undefined)[] = [];
    let accountArrText: string | null = null;
    const arrCents = account.arrCents;
    const onsite = account.needsOnsite;

    const products = uniqueProducts(deal.products);
    const productHits = products.map((p) => index.productFlags.get(p.id));
    const technical = products.filter((p) => p.technical);
    const certHits = technical.map((p) => index.certifiedFlags.get(p.id));
    const certTexts = technical.map((p) => certificationReason(p.name));
    // The products term per set of overlapping products, keyed by a bit mask over the deal's products.
    const maskable = products.length <= 30;
    const productTerms = new Map<number, { term: ScoreTerm; points: number }>();

    const tally: ExclusionTally = {
      totalCsms: count,
      tierMatches: 0,
      outsideRegion: 0,
      atAccountCapacity: 0,
      atArrCapacity: 0,
      atAnyCapacity: 0,
      uncertified: technical.map((p, j) => ({ name: p.name, count: 0, certifiedAnywhere: certHits[j] !== undefined })),
    };
    const candidates: Candidate[] = [];
    const excluded: ExcludedCsm[] = [];

    for (let i = 0; i < count; i++) {
      const csm = csms[i]!;
      // Must-match filters: collect every reason, not just the first.
      let reasons: string[] | null = null;
      const tierMatch = csm.tier === segment;
      if (tierMatch) tally.tierMatches++;
      else reasons = [tierTexts[csm.tierIndex]!];
      if (onsite && csm.regionId !== accountRegion) {
        (reasons ??= []).push((regionTexts[csm.regionId] ??= regionReason(regionNames[csm.regionId]!, account.region)));
        if (tierMatch) tally.outsideRegion++;
      }
      for (let j = 0; j < certHits.length; j++) {
        if (certHits[j]?.[i] !== 1) {
          (reasons ??= []).push(certTexts[j]!);
          if (tierMatch) tally.uncertified[j]!.count++;
        }
      }
      const overAccounts = csm.accountsReason !== null;
      if (overAccounts) (reasons ??= []).push(csm.accountsReason!);
      const overArr = arrCents > csm.arrHeadroom;
      if (overArr) {
        const texts = arrTexts(csm);
        (reasons ??= []).push(arrReason(texts.current, (accountArrText ??= dollars(arrCents)), texts.max));
      }
      if (tierMatch && (overAccounts || overArr)) {
        tally.atAnyCapacity++;
        if (overAccounts) tally.atAccountCapacity++;
        if (overArr) tally.atArrCapacity++;
      }
      if (reasons !== null) {
        excluded.push({ userId: csm.userId, name: csm.name, reasons });
        continue;
      }

      // The seed's score.
      const segmentMatch = segmentHit?.[i] === 1;
      const industryMatch = industryHit?.[i] === 1;
      const languageMatch = languageHit?.[i] === 1;
      const timezoneMatch = csm.timezoneId === accountTimezone;
      let mask = 0;
      for (let j = 0; j < productHits.length; j++) if (productHits[j]?.[i] === 1) mask |= 1 << j;
      let productTerm = maskable ? productTerms.get(mask) : undefined;
      if (productTerm === undefined) {
        const names = products.filter((_, j) => productHits[j]?.[i] === 1).map((p) => p.name);
        const t = productsTerm(rules, names, products.length);
        productTerm = { term: t, points: t.units };
        if (maskable) productTerms.set(mask, productTerm);
      }
      const scoreUnits =
        csm.fixedUnits +
        (segmentMatch ? segmentPoints : 0) +
        (industryMatch ? industryPoints : 0) +
        productTerm.points +
        (timezoneMatch ? timezonePoints : 0) +
        (languageMatch ? languagePoints : 0);
      candidates.push({
        rank: 0,
        userId: csm.userId,
        name: csm.name,
        tier: csm.tier,
        score: scoreUnits / UNITS_PER_POINT,
        scoreUnits,
        breakdown: [
          base,
          csm.capacity,
          terms.segment[segmentMatch ? 1 : 0],
          terms.industry[industryMatch ? 1 : 0],
          productTerm.term,
          timezoneMatch
            ? terms.timezoneHit
            : (timezoneMiss[csm.timezoneId] ??= timezoneMissTerm(timezoneNames[csm.timezoneId]!, account.timezone)),
          terms.language[languageMatch ? 1 : 0],
          csm.nps,
          csm.retention,
        ],
        load: csm.load,
      });
    }

    candidates.sort(compareCandidates);
    for (let r = 0; r < candidates.length; r++) candidates[r]!.rank = r + 1;
    return {
      candidates,
      excluded,
      top: candidates[0] ?? null,
      noEligibleHint: candidates.length === 0 ? noEligibleHint(segment, account, tally) : null,
    };
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
