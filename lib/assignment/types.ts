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

/** A CSM's profile without their book: what stays the same between suggestions until the profile changes. */
export type CsmProfileInput = Omit<CsmInput, "currentAccounts" | "currentArrCents">;
/** A CSM's current book. */
export type CsmBookInput = Pick<CsmInput, "currentAccounts" | "currentArrCents">;

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
 * One term of the seed's score. `units` is its exact value in 10⁻⁸ points (see score.ts), so the units of the
 * breakdown add up to the candidate's `scoreUnits` exactly; `points` is the same value as a number.
 */
export type ScoreTerm = { key: ScoreTermKey; label: string; units: number; points: number; detail: string };

/** Current load; the maxima are the CSM profile's own limits (the tier's values are only a new profile's defaults). */
export type CsmLoad = { accounts: number; maxAccounts: number; arrCents: bigint; maxArrCents: bigint };

export type Candidate = {
  /** 1-based position in the ranking. */
  rank: number;
  userId: string;
  name: string;
  tier: Segment;
  score: number;
  /** The score exactly, in 10⁻⁸ points (score × 10⁸, an integer). */
  scoreUnits: number;
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
