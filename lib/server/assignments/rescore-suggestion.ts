import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChecklistDraft } from "@/lib/handoff/checklist";
import { draftTouchesMaterial, materialChanges, materialFacts, type MaterialChange } from "@/lib/handoff/material";
import { parseSnapshot, toStored } from "@/lib/assignment/snapshot";
import { computeSuggestion } from "@/lib/server/assignments/create-suggestion";
import { loadSuggestionContext } from "@/lib/server/assignments/suggestion-context";
import { recordAudit } from "@/lib/server/audit";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUsersWithRole } from "@/lib/server/notifications/recipients";

/**
 * A material checklist change (products, segment, strategic, on-site need) re-scores the handoff's pending
 * CSM suggestion with the new facts and keeps what changed on it, so the CS manager sees why the candidates
 * moved. A suggestion already decided is not reopened: the CS managers are told what changed and whether the
 * assigned CSM still passes the must-match rules.
 */
export async function rescoreSuggestion(handoffId: string, changes: readonly MaterialChange[], actorId: string, now = new Date()): Promise<"rescored" | "flagged" | "none"> {
  if (changes.length === 0) return "none";
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Handoff" WHERE id = ${handoffId} FOR UPDATE`;
    const assignment = await tx.csmAssignment.findFirst({
      where: { handoffId, status: { in: ["PENDING", "APPROVED", "OVERRIDDEN"] } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, status: true, candidates: true, chosenCsmId: true, suggestedCsm: { select: { name: true } }, account: { select: { name: true } } },
    });
    if (!assignment) return "none";
    const context = await loadSuggestionContext(tx, { handoffId });
    const stored = await computeSuggestion(tx, context, now);
    const summary = changes.map((change) => `${change.field}: ${change.from} → ${change.to}`).join("; ");
    await recordAudit(tx, { actorId, action: "assignment.rescored", entityType: "CsmAssignment", entityId: assignment.id, data: { handoffId, changes: changes.map((c) => ({ ...c })) } });

    if (assignment.status === "PENDING") {
      const rescored = { at: now.toISOString(), changes: [...changes], previousTop: parseSnapshot(assignment.candidates)?.candidates[0]?.name ?? null };
      await tx.csmAssignment.update({
        where: { id: assignment.id },
        data: { suggestedCsmId: stored.topCsmId, suggestedScore: stored.topScore, candidates: toStored({ ...stored.snapshot, rescored }) as unknown as Prisma.InputJsonObject },
      });
      return "rescored";
    }
    const stillEligible = stored.snapshot.candidates.some((candidate) => candidate.userId === assignment.chosenCsmId);
    const managers = await activeUsersWithRole(tx, "CS_MANAGER");
    await recordAlert(tx, {
      key: `assignment-material-change:${assignment.id}:${now.getTime()}`,
      now,
      notifications: managers.map((manager) => ({
        userId: manager.id,
        kind: "assignment_material_change",
        title: `Checklist changed after approval: ${assignment.account.name}`,
        body: `${summary}. ${stillEligible ? "The assigned CSM still passes every must-match rule." : "The assigned CSM no longer passes the must-match rules: review the assignment."}`,
        link: `/assignments/${assignment.id}`,
      })),
    });
    return "flagged";
  });
}

/** After a checklist save: re-scores when a material fact moved between the two drafts (see rescoreSuggestion). */
export async function rescoreIfMaterial(handoffId: string, before: ChecklistDraft, after: ChecklistDraft, actorId: string): Promise<void> {
  if (!draftTouchesMaterial(before, after)) return;
  const handoff = await prisma.handoff.findUnique({
    where: { id: handoffId },
    select: {
      account: { select: { segment: true, strategic: true, needsOnsite: true } },
      deal: { select: { products: { select: { productId: true } } } },
      _count: { select: { assignments: true } },
    },
  });
  if (!handoff || handoff._count.assignments === 0) return;
  const records = {
    productIds: handoff.deal?.products.map((p) => p.productId) ?? [],
    segment: handoff.account.segment,
    strategic: handoff.account.strategic,
    needsOnsite: handoff.account.needsOnsite,
  };
  const from = materialFacts(before, records);
  const to = materialFacts(after, records);
  const ids = [...new Set([...from.productIds, ...to.productIds])];
  const names = new Map((await prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  await rescoreSuggestion(handoffId, materialChanges(from, to, names), actorId);
}
