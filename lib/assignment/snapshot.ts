import { z } from "zod";
import { termLabel, UNITS_PER_POINT } from "@/lib/assignment/score";
import type { DealProductInput, Suggestion } from "@/lib/assignment/types";

// The suggestion as stored on CsmAssignment.candidates: the CS manager reviews exactly what the engine saw
// when the suggestion was made, even after loads or rules change. Stored as JSON, so cents are strings.

const cents = z.string().regex(/^-?\d+$/);
const segment = z.enum(["ENTERPRISE", "MID_MARKET", "SCALE"]);
const termKey = z.enum(["base", "capacity", "segment", "industry", "products", "timezone", "language", "nps", "retention"]);

const termSchema = z.object({ key: termKey, label: z.string(), units: z.number().int(), points: z.number(), detail: z.string() });
const loadSchema = z.object({ accounts: z.number().int(), maxAccounts: z.number().int(), arrCents: cents, maxArrCents: cents });

const candidateSchema = z.object({
  rank: z.number().int(),
  userId: z.string(),
  name: z.string(),
  tier: segment,
  score: z.number(),
  scoreUnits: z.number().int(),
  breakdown: z.array(termSchema),
  load: loadSchema,
});

const change = z.object({ field: z.string(), from: z.string(), to: z.string() });

export const snapshotSchema = z.object({
  version: z.literal(2),
  computedAt: z.string(),
  /** The ARR the account adds to a CSM's book, as used for the capacity check. */
  accountArrCents: cents,
  products: z.array(z.object({ id: z.string(), name: z.string(), technical: z.boolean() })),
  candidates: z.array(candidateSchema),
  excluded: z.array(z.object({ userId: z.string(), name: z.string(), reasons: z.array(z.string()) })),
  noEligibleHint: z.string().nullable(),
  /** Set when a material checklist change re-scored the suggestion: what changed, for the CS manager. */
  rescored: z.object({ at: z.string(), changes: z.array(change), previousTop: z.string().nullable() }).nullable().default(null),
});

/** How many CSMs were eligible and excluded in all, and the commonest reasons with how many CSMs each excluded. */
export interface SnapshotTotals {
  eligible: number;
  excluded: number;
  reasons: { reason: string; count: number }[];
}

// Stored since version 3, compactly: a term as [key, units, detail] (its label and points follow from those), a load
// as [accounts, maxAccounts, arrCents, maxArrCents], and each excluded CSM's reasons as indexes into one list of the
// distinct reasons. With 1,000 CSMs the same few reasons repeat on every excluded row: 141 KB stored as version 2.
// Since version 4 only what the review screen and the audit read is kept (98 KB per suggestion as version 3): the
// top CANDIDATES_KEPT candidates with their breakdowns and loads (the cards, the table of others, the override's
// choices, the decision's audit), how many were eligible, the EXCLUDED_KEPT excluded CSMs closest to eligible (fewest
// reasons) with their reasons, how many were excluded, and the REASONS_KEPT commonest reasons with how many CSMs each
// excluded. The hint when nobody is eligible is computed by the engine over every CSM, before this.
export const CANDIDATES_KEPT = 10;
export const EXCLUDED_KEPT = 10;
export const REASONS_KEPT = 10;

const storedCandidate = z.object({
  rank: z.number().int(),
  userId: z.string(),
  name: z.string(),
  tier: segment,
  scoreUnits: z.number().int(),
  breakdown: z.array(z.tuple([termKey, z.number().int(), z.string()])),
  load: z.tuple([z.number().int(), z.number().int(), cents, cents]),
});
const count = z.number().int().nonnegative();
const storedV3Schema = z.object({
  version: z.literal(3),
  computedAt: z.string(),
  accountArrCents: cents,
  products: snapshotSchema.shape.products,
  candidates: z.array(storedCandidate),
  reasons: z.array(z.string()),
  excluded: z.array(z.tuple([z.string(), z.string(), z.array(count)])),
  noEligibleHint: z.string().nullable(),
  rescored: snapshotSchema.shape.rescored,
});
const storedSchema = storedV3Schema.extend({
  version: z.literal(4),
  eligible: count,
  excludedCount: count,
  /** How many excluded CSMs each of `reasons` excluded (the kept rows' reasons may follow, counted 0 if not common). */
  reasonCounts: z.array(count),
});

export type StoredSnapshot = z.infer<typeof storedSchema>;

/** The commonest reasons first (ties in first-seen order), each with how many excluded CSMs it applies to. */
function tallyReasons(excluded: SuggestionSnapshot["excluded"]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of excluded) for (const reason of entry.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count);
}

/** The totals of a snapshot that holds every candidate and excluded CSM (one from the engine, or stored before version 4). */
export function totalsOf(snapshot: SuggestionSnapshot): SnapshotTotals {
  return { eligible: snapshot.candidates.length, excluded: snapshot.excluded.length, reasons: tallyReasons(snapshot.excluded).slice(0, REASONS_KEPT) };
}

/** The snapshot as stored on CsmAssignment.candidates (read back by parseSnapshot): the parts the review reads. */
export function toStored(snapshot: SuggestionSnapshot): StoredSnapshot {
  const reasons: string[] = [];
  const reasonCounts: number[] = [];
  const index = new Map<string, number>();
  const indexOf = (reason: string, n = 0): number => {
    let at = index.get(reason);
    if (at === undefined) {
      at = reasons.length;
      reasons.push(reason);
      reasonCounts.push(n);
      index.set(reason, at);
    }
    return at;
  };
  const totals = totalsOf(snapshot);
  for (const { reason, count: n } of totals.reasons) indexOf(reason, n);
  // Closest to eligible first (fewest reasons), then in the engine's order.
  const closest = snapshot.excluded
    .map((entry, at) => ({ entry, at }))
    .sort((a, b) => a.entry.reasons.length - b.entry.reasons.length || a.at - b.at)
    .slice(0, EXCLUDED_KEPT)
    .map(({ entry }) => entry);
  return {
    version: 4,
    computedAt: snapshot.computedAt,
    accountArrCents: snapshot.accountArrCents,
    products: snapshot.products,
    candidates: snapshot.candidates.slice(0, CANDIDATES_KEPT).map((candidate) => ({
      rank: candidate.rank,
      userId: candidate.userId,
      name: candidate.name,
      tier: candidate.tier,
      scoreUnits: candidate.scoreUnits,
      breakdown: candidate.breakdown.map((term) => [term.key, term.units, term.detail] as [SnapshotTerm["key"], number, string]),
      load: [candidate.load.accounts, candidate.load.maxAccounts, candidate.load.arrCents, candidate.load.maxArrCents],
    })),
    eligible: totals.eligible,
    reasons,
    reasonCounts,
    excluded: closest.map((entry) => [entry.userId, entry.name, entry.reasons.map((reason) => indexOf(reason))] as [string, string, number[]]),
    excludedCount: totals.excluded,
    noEligibleHint: snapshot.noEligibleHint,
    rescored: snapshot.rescored,
  };
}

function fromStored(stored: StoredSnapshot | z.infer<typeof storedV3Schema>): SuggestionSnapshot | null {
  if (stored.excluded.some(([, , at]) => at.some((i) => i >= stored.reasons.length))) return null;
  return {
    version: 2,
    computedAt: stored.computedAt,
    accountArrCents: stored.accountArrCents,
    products: stored.products,
    candidates: stored.candidates.map((candidate) => ({
      rank: candidate.rank,
      userId: candidate.userId,
      name: candidate.name,
      tier: candidate.tier,
      score: candidate.scoreUnits / UNITS_PER_POINT,
      scoreUnits: candidate.scoreUnits,
      breakdown: candidate.breakdown.map(([key, units, detail]) => ({ key, label: termLabel(key), units, points: units / UNITS_PER_POINT, detail })),
      load: { accounts: candidate.load[0], maxAccounts: candidate.load[1], arrCents: candidate.load[2], maxArrCents: candidate.load[3] },
    })),
    excluded: stored.excluded.map(([userId, name, at]) => ({ userId, name, reasons: at.map((i) => stored.reasons[i]!) })),
    noEligibleHint: stored.noEligibleHint,
    rescored: stored.rescored ?? null,
  };
}

function storedTotals(stored: StoredSnapshot): SnapshotTotals {
  const reasons = stored.reasons.map((reason, i) => ({ reason, count: stored.reasonCounts[i] ?? 0 })).filter((entry) => entry.count > 0);
  return { eligible: stored.eligible, excluded: stored.excludedCount, reasons };
}

// Suggestions stored before scores were exact kept hundredths; they are read as units.
const v1TermSchema = z.object({ key: termKey, label: z.string(), points: z.number(), detail: z.string() });
const v1Schema = snapshotSchema.extend({
  version: z.literal(1),
  candidates: z.array(candidateSchema.omit({ scoreUnits: true, breakdown: true }).extend({ scoreHundredths: z.number().int(), breakdown: z.array(v1TermSchema) })),
});

export type SuggestionSnapshot = z.infer<typeof snapshotSchema>;
export type SnapshotCandidate = SuggestionSnapshot["candidates"][number];
export type SnapshotTerm = SnapshotCandidate["breakdown"][number];

export function toSnapshot(
  suggestion: Suggestion,
  context: { computedAt: Date; accountArrCents: bigint; products: readonly DealProductInput[]; rescored?: SuggestionSnapshot["rescored"] },
): SuggestionSnapshot {
  return {
    version: 2,
    computedAt: context.computedAt.toISOString(),
    accountArrCents: String(context.accountArrCents),
    products: context.products.map(({ id, name, technical }) => ({ id, name, technical })),
    candidates: suggestion.candidates.map((candidate) => ({
      rank: candidate.rank,
      userId: candidate.userId,
      name: candidate.name,
      tier: candidate.tier,
      score: candidate.score,
      scoreUnits: candidate.scoreUnits,
      breakdown: candidate.breakdown.map(({ key, label, units, points, detail }) => ({ key, label, units, points, detail })),
      load: {
        accounts: candidate.load.accounts,
        maxAccounts: candidate.load.maxAccounts,
        arrCents: String(candidate.load.arrCents),
        maxArrCents: String(candidate.load.maxArrCents),
      },
    })),
    excluded: suggestion.excluded.map(({ userId, name, reasons }) => ({ userId, name, reasons: [...reasons] })),
    noEligibleHint: suggestion.noEligibleHint,
    rescored: context.rescored ?? null,
  };
}

/** A stored suggestion as the review reads it: the kept candidates and excluded CSMs, and the totals over all. */
export type ParsedSnapshot = SuggestionSnapshot & { totals: SnapshotTotals };

/** The stored snapshot, or null for rows written without one (the demo's history stores `[]`). */
export function parseSnapshot(value: unknown): ParsedSnapshot | null {
  const stored = storedSchema.safeParse(value);
  if (stored.success) {
    const snapshot = fromStored(stored.data);
    return snapshot && { ...snapshot, totals: storedTotals(stored.data) };
  }
  const whole = parseWholeSnapshot(value);
  return whole && { ...whole, totals: totalsOf(whole) };
}

/** A snapshot stored whole, before version 4 (every candidate and every excluded CSM). */
function parseWholeSnapshot(value: unknown): SuggestionSnapshot | null {
  const v3 = storedV3Schema.safeParse(value);
  if (v3.success) return fromStored(v3.data);
  const parsed = snapshotSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const old = v1Schema.safeParse(value);
  if (!old.success) return null;
  return {
    ...old.data,
    version: 2,
    candidates: old.data.candidates.map(({ scoreHundredths, breakdown, ...candidate }) => ({
      ...candidate,
      scoreUnits: scoreHundredths * 1_000_000,
      breakdown: breakdown.map((t) => ({ ...t, units: Math.round(t.points * 100) * 1_000_000 })),
    })),
  };
}
