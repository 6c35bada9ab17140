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

// Stored since version 3, compactly: a term as [key, units, detail] (its label and points follow from those), a load
// as [accounts, maxAccounts, arrCents, maxArrCents], and each excluded CSM's reasons as indexes into one list of the
// distinct reasons. With 1,000 CSMs the same few reasons repeat on every excluded row: 141 KB stored as version 2.
const storedSchema = z.object({
  version: z.literal(3),
  computedAt: z.string(),
  accountArrCents: cents,
  products: snapshotSchema.shape.products,
  candidates: z.array(
    z.object({
      rank: z.number().int(),
      userId: z.string(),
      name: z.string(),
      tier: segment,
      scoreUnits: z.number().int(),
      breakdown: z.array(z.tuple([termKey, z.number().int(), z.string()])),
      load: z.tuple([z.number().int(), z.number().int(), cents, cents]),
    }),
  ),
  reasons: z.array(z.string()),
  excluded: z.array(z.tuple([z.string(), z.string(), z.array(z.number().int().nonnegative())])),
  noEligibleHint: z.string().nullable(),
  rescored: snapshotSchema.shape.rescored,
});

export type StoredSnapshot = z.infer<typeof storedSchema>;

/** The snapshot as stored on CsmAssignment.candidates (read back whole by parseSnapshot). */
export function toStored(snapshot: SuggestionSnapshot): StoredSnapshot {
  const reasons: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (reason: string): number => {
    let at = index.get(reason);
    if (at === undefined) {
      at = reasons.length;
      reasons.push(reason);
      index.set(reason, at);
    }
    return at;
  };
  return {
    version: 3,
    computedAt: snapshot.computedAt,
    accountArrCents: snapshot.accountArrCents,
    products: snapshot.products,
    candidates: snapshot.candidates.map((candidate) => ({
      rank: candidate.rank,
      userId: candidate.userId,
      name: candidate.name,
      tier: candidate.tier,
      scoreUnits: candidate.scoreUnits,
      breakdown: candidate.breakdown.map((term) => [term.key, term.units, term.detail] as [SnapshotTerm["key"], number, string]),
      load: [candidate.load.accounts, candidate.load.maxAccounts, candidate.load.arrCents, candidate.load.maxArrCents],
    })),
    reasons,
    excluded: snapshot.excluded.map((entry) => [entry.userId, entry.name, entry.reasons.map(indexOf)] as [string, string, number[]]),
    noEligibleHint: snapshot.noEligibleHint,
    rescored: snapshot.rescored,
  };
}

function fromStored(stored: StoredSnapshot): SuggestionSnapshot | null {
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

/** The stored snapshot, or null for rows written without one (the demo's history stores `[]`). */
export function parseSnapshot(value: unknown): SuggestionSnapshot | null {
  const stored = storedSchema.safeParse(value);
  if (stored.success) return fromStored(stored.data);
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
