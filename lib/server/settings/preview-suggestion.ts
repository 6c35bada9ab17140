import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { SnapshotCandidate } from "@/lib/assignment/snapshot";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { computeSuggestion } from "@/lib/server/assignments/create-suggestion";
import { loadSuggestionContext } from "@/lib/server/assignments/suggestion-context";

// "What would the engine suggest now?" for an admin tuning the scoring weights: the same engine and loads as a
// real suggestion, with the rules in force, for a handoff waiting on a CS manager. Nothing is stored: the
// pending suggestion keeps its snapshot until a manager decides or rejects it.

export interface PreviewTarget {
  assignmentId: string;
  accountName: string;
}

export interface SuggestionPreview {
  assignmentId: string;
  accountName: string;
  candidates: Pick<SnapshotCandidate, "rank" | "name" | "score" | "breakdown">[];
  excluded: number;
  noEligibleHint: string | null;
}

/** Pending suggestions with a handoff, newest first, to preview against. */
export async function listPreviewTargets(actor: ActingUser, limit = 50): Promise<PreviewTarget[]> {
  assertRole(actor, ["ADMIN"]);
  const rows = await prisma.csmAssignment.findMany({
    where: { status: "PENDING", handoffId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, account: { select: { name: true } } },
  });
  return rows.map((row) => ({ assignmentId: row.id, accountName: row.account.name }));
}

export async function previewSuggestion(actor: ActingUser, assignmentId: string, now = new Date()): Promise<SuggestionPreview> {
  assertRole(actor, ["ADMIN"]);
  const assignment = await prisma.csmAssignment.findUnique({ where: { id: assignmentId }, select: { id: true, handoffId: true, accountId: true } });
  if (!assignment) throw notFound("The suggestion");
  const context = await loadSuggestionContext(prisma, { handoffId: assignment.handoffId, accountId: assignment.accountId });
  const { snapshot } = await computeSuggestion(prisma, context, now);
  return {
    assignmentId: assignment.id,
    accountName: context.accountName,
    candidates: snapshot.candidates.map(({ rank, name, score, breakdown }) => ({ rank, name, score, breakdown })),
    excluded: snapshot.excluded.length,
    noEligibleHint: snapshot.noEligibleHint,
  };
}
