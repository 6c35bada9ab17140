import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { suggestOverProfiles } from "@/lib/assignment/suggest";
import { toSnapshot, toStored, type SuggestionSnapshot } from "@/lib/assignment/snapshot";
import { unitsText } from "@/lib/assignment/score";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadCsmRoster } from "@/lib/server/assignments/csm-load";
import { loadSuggestionContext, type SuggestionContext } from "@/lib/server/assignments/suggestion-context";
import { getSettings } from "@/lib/server/settings/get-settings";

// Makes the CSM suggestion for a handoff and stores what the CS manager decides on and the audit keeps: the top
// candidates' breakdowns and the excluded CSMs' reasons as they were at that moment (lib/assignment/snapshot.ts).
// Called inside the transaction that submits a handoff, and again when a manager rejects a suggestion.

export interface StoredSuggestion {
  snapshot: SuggestionSnapshot;
  topCsmId: string | null;
  /** The top score as an exact decimal text, for the Decimal column. */
  topScore: string | null;
}

/** Runs the engine for the account over every active CSM, with the rules in force. */
export async function computeSuggestion(tx: Tx, context: SuggestionContext, now: Date): Promise<StoredSuggestion> {
  // One after the other: a transaction is one connection.
  const settings = await getSettings(tx);
  const roster = await loadCsmRoster(tx, { scoring: settings.scoring, capacity: settings.capacity }, { excludeAccountId: context.accountId });
  const suggestion = suggestOverProfiles(roster.index, roster.books, context.account, context.deal);
  return {
    snapshot: toSnapshot(suggestion, { computedAt: now, accountArrCents: context.account.arrCents, products: context.products }),
    topCsmId: suggestion.top?.userId ?? null,
    topScore: suggestion.top ? unitsText(suggestion.top.scoreUnits) : null,
  };
}

/**
 * Stores the suggestion for a handoff as a PENDING assignment. Idempotent: a PENDING assignment of the
 * handoff is refreshed rather than duplicated, and a handoff whose assignment was already approved keeps it.
 */
export async function createCsmSuggestion(tx: Tx, input: { handoffId: string; now?: Date }): Promise<{ assignmentId: string }> {
  const now = input.now ?? new Date();
  // One suggestion per handoff even when it is submitted twice at once: the second waits here.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Handoff" WHERE id = ${input.handoffId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The handoff");
  const open = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "CsmAssignment"
    WHERE "handoffId" = ${input.handoffId} AND status IN ('PENDING', 'APPROVED', 'OVERRIDDEN')
    ORDER BY "createdAt" DESC, id
    FOR UPDATE`;
  const decided = open.find((row) => row.status !== "PENDING");
  if (decided) return { assignmentId: decided.id };

  const context = await loadSuggestionContext(tx, { handoffId: input.handoffId });
  const stored = await computeSuggestion(tx, context, now);
  const data = {
    suggestedCsmId: stored.topCsmId,
    suggestedScore: stored.topScore,
    candidates: toStored(stored.snapshot) as unknown as Prisma.InputJsonObject,
  };
  const pending = open.find((row) => row.status === "PENDING");
  if (pending) {
    await tx.csmAssignment.update({ where: { id: pending.id }, data, select: { id: true } });
    return { assignmentId: pending.id };
  }
  const created = await tx.csmAssignment.create({
    data: { ...data, accountId: context.accountId, handoffId: input.handoffId, status: "PENDING", createdAt: now },
    select: { id: true },
  });
  return { assignmentId: created.id };
}

/**
 * For the handoff submit: a new customer always gets a suggestion; an expansion or renewal only when its
 * account has no CSM yet. Returns null when no suggestion is needed.
 */
export async function suggestCsmIfNeeded(tx: Tx, input: { handoffId: string; now?: Date }): Promise<{ assignmentId: string } | null> {
  const handoff = await tx.handoff.findUnique({
    where: { id: input.handoffId },
    select: { type: true, account: { select: { csmId: true } } },
  });
  if (!handoff) throw notFound("The handoff");
  if (handoff.type !== "NEW_CUSTOMER" && handoff.account.csmId !== null) return null;
  return createCsmSuggestion(tx, input);
}
