import { z } from "zod";
import type { DealProductInput, Suggestion } from "@/lib/assignment/types";

// The suggestion as stored on CsmAssignment.candidates: the CS manager reviews exactly what the engine saw
// when the suggestion was made, even after loads or rules change. Stored as JSON, so cents are strings.

const cents = z.string().regex(/^-?\d+$/);
const segment = z.enum(["ENTERPRISE", "MID_MARKET", "SCALE"]);
const termKey = z.enum(["base", "capacity", "segment", "industry", "products", "timezone", "language", "nps", "retention"]);

const termSchema = z.object({ key: termKey, label: z.string(), points: z.number(), detail: z.string() });
const loadSchema = z.object({ accounts: z.number().int(), maxAccounts: z.number().int(), arrCents: cents, maxArrCents: cents });

const candidateSchema = z.object({
  rank: z.number().int(),
  userId: z.string(),
  name: z.string(),
  tier: segment,
  score: z.number(),
  scoreHundredths: z.number().int(),
  breakdown: z.array(termSchema),
  load: loadSchema,
});

export const snapshotSchema = z.object({
  version: z.literal(1),
  computedAt: z.string(),
  /** The ARR the account adds to a CSM's book, as used for the capacity check. */
  accountArrCents: cents,
  products: z.array(z.object({ id: z.string(), name: z.string(), technical: z.boolean() })),
  candidates: z.array(candidateSchema),
  excluded: z.array(z.object({ userId: z.string(), name: z.string(), reasons: z.array(z.string()) })),
  noEligibleHint: z.string().nullable(),
});

export type SuggestionSnapshot = z.infer<typeof snapshotSchema>;
export type SnapshotCandidate = SuggestionSnapshot["candidates"][number];
export type SnapshotTerm = SnapshotCandidate["breakdown"][number];

export function toSnapshot(
  suggestion: Suggestion,
  context: { computedAt: Date; accountArrCents: bigint; products: readonly DealProductInput[] },
): SuggestionSnapshot {
  return {
    version: 1,
    computedAt: context.computedAt.toISOString(),
    accountArrCents: String(context.accountArrCents),
    products: context.products.map(({ id, name, technical }) => ({ id, name, technical })),
    candidates: suggestion.candidates.map((candidate) => ({
      rank: candidate.rank,
      userId: candidate.userId,
      name: candidate.name,
      tier: candidate.tier,
      score: candidate.score,
      scoreHundredths: candidate.scoreHundredths,
      breakdown: candidate.breakdown.map(({ key, label, points, detail }) => ({ key, label, points, detail })),
      load: {
        accounts: candidate.load.accounts,
        maxAccounts: candidate.load.maxAccounts,
        arrCents: String(candidate.load.arrCents),
        maxArrCents: String(candidate.load.maxArrCents),
      },
    })),
    excluded: suggestion.excluded.map(({ userId, name, reasons }) => ({ userId, name, reasons: [...reasons] })),
    noEligibleHint: suggestion.noEligibleHint,
  };
}

/** The stored snapshot, or null for rows written without one (the demo's history stores `[]`). */
export function parseSnapshot(value: unknown): SuggestionSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** An exact decimal text from a whole number of hundredths: 21345 → "213.45", -4000 → "-40.00". */
export function hundredthsText(hundredths: number): string {
  const abs = Math.abs(Math.trunc(hundredths));
  const sign = hundredths < 0 && abs > 0 ? "-" : "";
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A breakdown term's points with their sign, as few decimals as needed: "+25", "−40", "+12.8", "0". */
export function pointsText(points: number): string {
  const hundredths = Math.round(points * 100);
  if (hundredths === 0) return "0";
  const text = String(Math.abs(hundredths) / 100);
  return hundredths > 0 ? `+${text}` : `\u2212${text}`;
}
