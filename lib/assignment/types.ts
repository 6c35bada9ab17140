import type { Segment } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/schema";

// Inputs and outputs of the CSM suggestion engine (lib/assignment/suggest.ts). Plain data: everything is
// JSON-friendly except the bigint cents, which callers convert.

export type { Segment };

/** The weights and tier limits the engine applies; both come from the stored settings. */
export type AssignmentRules = { scoring: Settings["scoring"]; capacity: Settings["capacity"] };

export type AccountInput = {
  segment: Segment;
  industry: string;
  region: string;
  timezone: string;
  primaryLanguage: string;
  needsOnsite: boolean;
  /** The ARR this account adds to the CSM's book (the deal ARR for a new customer). */
  arrCents: bigint;
};

export type DealProductInput = { id: string; name: string; technical: boolean };
export type DealInput = { products: DealProductInput[] };

export type CsmInput = {
  userId: string;
  name: string;
  tier: Segment;
  maxAccounts: number;
  maxArrCents: bigint;
  segments: Segment[];
  industries: string[];
  productIds: string[];
  certifiedProductIds: string[];
  region: string;
  timezone: string;
  languages: string[];
  npsScore: number;
  /** Percent, 0..100. */
  retentionRate: number;
  currentAccounts: number;
  currentArrCents: bigint;
};

export type ScoreTermKey =
  | "base"
  | "capacity"
  | "segment"
  | "industry"
  | "products"
  | "timezone"
  | "language"
  | "nps"
  | "retention";

/**
 * One term of the seed's score. `points` is a whole number of hundredths divided by 100 (see score.ts), so
 * Σ round(points × 100) over the breakdown equals round(score × 100) exactly.
 */
export type ScoreTerm = { key: ScoreTermKey; label: string; points: number; detail: string };

/** Current load; the maxima are the effective limits (the smaller of the CSM profile and the tier limit). */
export type CsmLoad = { accounts: number; maxAccounts: number; arrCents: bigint; maxArrCents: bigint };

export type Candidate = {
  /** 1-based position in the ranking. */
  rank: number;
  userId: string;
  name: string;
  tier: Segment;
  score: number;
  /** The score as an exact integer number of hundredths (score × 100). */
  scoreHundredths: number;
  /** Every term, always in the same order (base, capacity, segment, industry, products, timezone, language, nps, retention). */
  breakdown: readonly ScoreTerm[];
  load: CsmLoad;
};

export type ExcludedCsm = { userId: string; name: string; reasons: string[] };

export type Suggestion = {
  /** Eligible CSMs, best first. */
  candidates: Candidate[];
  /** CSMs that failed a must-match filter, in input order, each with every reason. */
  excluded: ExcludedCsm[];
  top: Candidate | null;
  /** Set only when nobody is eligible: what excluded them and what would fix it. */
  noEligibleHint: string | null;
};

export type SuggestInput = { account: AccountInput; deal: DealInput; csms: CsmInput[]; rules: AssignmentRules };

export type Suggester = (account: AccountInput, deal: DealInput) => Suggestion;
