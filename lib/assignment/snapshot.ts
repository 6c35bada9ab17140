import { z } from "zod";
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
