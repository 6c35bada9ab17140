import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { businessMsBetween } from "@/lib/business-hours";
import { parseSnapshot, type ParsedSnapshot } from "@/lib/assignment/snapshot";
import type { ActingUser } from "@/lib/server/authz";
import { assertCanApproveAssignment } from "@/lib/server/assignments/permissions";
import { loadCsmInputs } from "@/lib/server/assignments/csm-load";
import { getSettings } from "@/lib/server/settings/get-settings";

// The review screen: the suggestion as it was made (breakdown, excluded CSMs, the hint when nobody is
// eligible) next to each candidate's book as it is now, since approval checks the book as it is now.

export interface LiveLoad {
  accounts: number;
  maxAccounts: number;
  arrCents: bigint;
  maxArrCents: bigint;
}

export async function getAssignmentReview(actor: ActingUser, assignmentId: string, now = new Date()) {
  assertCanApproveAssignment(actor);
  const assignment = await prisma.csmAssignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      suggestedScore: true,
      candidates: true,
      reason: true,
      decidedAt: true,
      effectiveDate: true,
      suggestedCsm: { select: { id: true, name: true } },
      chosenCsm: { select: { id: true, name: true } },
      decidedBy: { select: { name: true } },
      account: {
        select: {
          id: true,
          name: true,
          segment: true,
          industry: true,
          region: true,
          timezone: true,
          primaryLanguage: true,
          needsOnsite: true,
          strategic: true,
          csm: { select: { name: true } },
        },
      },
      handoff: {
        select: {
          id: true,
          type: true,
          status: true,
          dueAt: true,
          deal: { select: { name: true, amountCents: true, closeDate: true, owner: { select: { name: true } } } },
        },
      },
    },
  });
  if (!assignment) throw notFound("The assignment");
  const { candidates, ...rest } = assignment;
  const snapshot: ParsedSnapshot | null = parseSnapshot(candidates);

  const settings = await getSettings();
  const userIds = snapshot?.candidates.map((candidate) => candidate.userId) ?? [];
  // While pending, each book is shown without the account (it is what approval would add); once decided the
  // account counts in the book it went to, so "Book now" is current after an approval.
  const inputs = await loadCsmInputs(prisma, { userIds, excludeAccountId: assignment.status === "PENDING" ? assignment.account.id : undefined });
  const liveLoads: Record<string, LiveLoad> = {};
  for (const csm of inputs) {
    liveLoads[csm.userId] = { accounts: csm.currentAccounts, maxAccounts: csm.maxAccounts, arrCents: csm.currentArrCents, maxArrCents: csm.maxArrCents };
  }
  const handoff = assignment.handoff;
  // After a rejection the handoff waits in the queue again under a fresh suggestion.
  const next =
    assignment.status === "REJECTED" && handoff
      ? await prisma.csmAssignment.findFirst({ where: { handoffId: handoff.id, status: "PENDING" }, select: { id: true } })
      : null;
  const clockRunning = handoff !== null && (handoff.status === "IN_PROGRESS" || handoff.status === "SUBMITTED");
  return {
    ...rest,
    snapshot,
    liveLoads,
    nextPendingId: next?.id ?? null,
    thresholds: { medium: settings.scoring.capacityMediumThreshold, high: settings.scoring.capacityHighThreshold },
    businessMsLeft: clockRunning ? businessMsBetween(now, handoff.dueAt, settings.calendar) : null,
  };
}

export type AssignmentReview = Awaited<ReturnType<typeof getAssignmentReview>>;
