import "server-only";
import { TZDate } from "@date-fns/tz";
import { prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { approveInput, capacityConflictMessage, overrideInput, type ApproveInput, type OverrideInput } from "@/lib/assignment/decision";
import { parseSnapshot } from "@/lib/assignment/snapshot";
import { unitsText } from "@/lib/assignment/score";
import { suggestCsms } from "@/lib/assignment/suggest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import { validationError } from "@/lib/server/assignments/validation";
import { recordAudit } from "@/lib/server/audit";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import type { ActingUser } from "@/lib/server/authz";
import { assertCanApproveAssignment } from "@/lib/server/assignments/permissions";
import { loadCsmInputs } from "@/lib/server/assignments/csm-load";
import { loadSuggestionContext } from "@/lib/server/assignments/suggestion-context";
import { getSettings } from "@/lib/server/settings/get-settings";
import { onCsmAssigned } from "@/lib/server/renewals/on-csm-assigned";

// A CS manager's approval: the suggested CSM, or another eligible one with a reason. Race-safe: inside one
// transaction the chosen CSM's profile row is locked, so approvals onto the same CSM run one at a time, and
// each re-reads the CSM's book and re-runs the must-match rules before writing. Two approvals at once can
// never push a CSM past a limit; the one that no longer fits is refused with the CSM and the limit named.

export interface AssignmentDecision {
  assignmentId: string;
  status: AssignmentStatus;
  csmId: string;
  csmName: string;
  accountName: string;
}

export interface DecisionOptions {
  now?: Date;
  /** Run inside the caller's transaction instead of a new one. */
  tx?: Tx;
}

// Approvals onto one CSM queue on its profile lock; give the queue room before giving up.
const DECISION_TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export function inTransaction<T>(options: DecisionOptions, run: (tx: Tx) => Promise<T>): Promise<T> {
  return options.tx ? run(options.tx) : prisma.$transaction(run, DECISION_TX_OPTIONS);
}

export const STATUS_WORDS: Record<AssignmentStatus, string> = {
  PENDING: "pending",
  APPROVED: "approved",
  OVERRIDDEN: "assigned to another CSM",
  REJECTED: "rejected",
};

/** Approves the suggested (top) CSM. `expectedCsmId` guards against approving a suggestion that changed. */
export async function approveAssignment(actor: ActingUser, input: ApproveInput, options: DecisionOptions = {}): Promise<AssignmentDecision> {
  assertCanApproveAssignment(actor);
  const parsed = approveInput.parse(input);
  const now = options.now ?? new Date();
  return inTransaction(options, async (tx) => {
    const peek = await tx.csmAssignment.findUnique({ where: { id: parsed.assignmentId }, select: { suggestedCsmId: true } });
    if (!peek) throw notFound("The assignment");
    if (!peek.suggestedCsmId) {
      throw new AppError("CONFLICT", "No CSM is eligible for this account, so there is no suggestion to approve. Choose another CSM or reject it.");
    }
    return assign(tx, actor, { assignmentId: parsed.assignmentId, csmId: peek.suggestedCsmId, expectedCsmId: parsed.expectedCsmId ?? null, reason: null }, now);
  });
}

/** Assigns another eligible CSM than the suggested one; the reason is required and kept. */
export async function overrideAssignment(actor: ActingUser, input: OverrideInput, options: DecisionOptions = {}): Promise<AssignmentDecision> {
  assertCanApproveAssignment(actor);
  const parsed = overrideInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const now = options.now ?? new Date();
  return inTransaction(options, (tx) =>
    assign(tx, actor, { assignmentId: parsed.data.assignmentId, csmId: parsed.data.csmId, expectedCsmId: null, reason: parsed.data.reason }, now),
  );
}

function localDate(now: Date, timezone: string): Date {
  const local = new TZDate(now.getTime(), timezone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

async function assign(
  tx: Tx,
  actor: ActingUser,
  input: { assignmentId: string; csmId: string; expectedCsmId: string | null; reason: string | null },
  now: Date,
): Promise<AssignmentDecision> {
  // Lock order, everywhere: CSM profile, then assignment, then account.
  const [profile] = await tx.$queryRaw<{ name: string }[]>`
    SELECT u.name FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId" WHERE p."userId" = ${input.csmId} FOR UPDATE OF p`;
  if (!profile) throw new AppError("VALIDATION", "The chosen person has no CSM profile.", { csmId: ["Choose a CSM with a CSM profile."] });
  const lockedAssignment = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "CsmAssignment" WHERE id = ${input.assignmentId} FOR UPDATE`;
  if (lockedAssignment.length === 0) throw notFound("The assignment");
  const assignment = await tx.csmAssignment.findUniqueOrThrow({
    where: { id: input.assignmentId },
    select: { id: true, status: true, accountId: true, handoffId: true, suggestedCsmId: true, suggestedScore: true, candidates: true },
  });
  if (assignment.status !== "PENDING") {
    throw new AppError("CONFLICT", `This suggestion was already ${STATUS_WORDS[assignment.status]}; reload to see the decision.`);
  }
  const approving = input.reason === null;
  if (approving && (assignment.suggestedCsmId !== input.csmId || (input.expectedCsmId !== null && input.expectedCsmId !== input.csmId))) {
    throw new AppError("CONFLICT", "The suggestion changed since this page was loaded. Review it again before approving.");
  }
  await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${assignment.accountId} FOR UPDATE`;

  const context = await loadSuggestionContext(tx, { handoffId: assignment.handoffId, accountId: assignment.accountId });
  if (context.accountCsmId && context.accountCsmId !== input.csmId) {
    const current = await tx.user.findUnique({ where: { id: context.accountCsmId }, select: { name: true } });
    throw new AppError("CONFLICT", `${context.accountName} already has a CSM: ${current?.name ?? "another CSM"}. Reject this suggestion instead.`);
  }
  const settings = await getSettings(tx);
  const rules = { scoring: settings.scoring, capacity: settings.capacity };
  const [csm] = await loadCsmInputs(tx, { userIds: [input.csmId], excludeAccountId: assignment.accountId });
  if (!csm) throw new AppError("CONFLICT", `${profile.name} is not an active CSM any more.`);
  const capacity = capacityConflictMessage(csm, context.account.arrCents);
  if (capacity) throw new AppError("CONFLICT", capacity);
  const check = suggestCsms({ account: context.account, deal: context.deal, csms: [csm], rules });
  const fresh = check.top;
  if (!fresh) {
    const reasons = check.excluded[0]?.reasons.join("; ") ?? "a must-match rule fails";
    throw new AppError("CONFLICT", `${csm.name} is not eligible for ${context.accountName}: ${reasons}.`);
  }

  const status: AssignmentStatus = input.csmId === assignment.suggestedCsmId ? "APPROVED" : "OVERRIDDEN";
  const effectiveDate = context.closeDate ?? localDate(now, settings.calendar.timezone);
  await tx.account.update({ where: { id: assignment.accountId }, data: { csmId: csm.userId, csmAssignedAt: effectiveDate } });
  // Touchpoints planned before the account had a CSM now belong to the CSM.
  const touchpoints = await tx.touchpoint.updateMany({
    where: { accountId: assignment.accountId, status: "PLANNED", ownerId: null },
    data: { ownerId: csm.userId },
  });
  await tx.csmAssignment.update({
    where: { id: assignment.id },
    data: { status, chosenCsmId: csm.userId, decidedById: actor.id, decidedAt: now, reason: input.reason, effectiveDate },
  });
  await onCsmAssigned(tx, { accountId: assignment.accountId, handoffId: assignment.handoffId, csmId: csm.userId, now });
  // Renewal planning is the CSM's: open Renewal handoffs of the account pass to them.
  await tx.handoff.updateMany({ where: { accountId: assignment.accountId, type: "RENEWAL", status: { in: ["IN_PROGRESS", "SUBMITTED"] } }, data: { ownerId: csm.userId } });

  const snapshot = parseSnapshot(assignment.candidates);
  const atSuggestion = snapshot?.candidates.find((candidate) => candidate.userId === csm.userId) ?? null;
  const audit: Prisma.InputJsonObject = {
    accountId: assignment.accountId,
    handoffId: assignment.handoffId,
    decidedBy: { id: actor.id, name: actor.name },
    reason: input.reason,
    effectiveDate: effectiveDate.toISOString().slice(0, 10),
    chosen: { csmId: csm.userId, name: csm.name },
    suggested: { csmId: assignment.suggestedCsmId, score: assignment.suggestedScore?.toString() ?? null, computedAt: snapshot?.computedAt ?? null },
    scoreAtSuggestion: atSuggestion ? { rank: atSuggestion.rank, score: unitsText(atSuggestion.scoreUnits), breakdown: atSuggestion.breakdown } : null,
    scoreAtDecision: { score: unitsText(fresh.scoreUnits), breakdown: fresh.breakdown.map((term) => ({ ...term })) },
    loadAfter: {
      accounts: csm.currentAccounts + 1,
      arrCents: String(csm.currentArrCents + context.account.arrCents),
      maxAccounts: fresh.load.maxAccounts,
      maxArrCents: String(fresh.load.maxArrCents),
    },
    touchpointsAssigned: touchpoints.count,
  };
  await recordAudit(tx, {
    actorId: actor.id,
    action: status === "APPROVED" ? "assignment.approved" : "assignment.overridden",
    entityType: "CsmAssignment",
    entityId: assignment.id,
    data: audit,
  });
  await notifySlack(tx, { kind: "assignment.approved", assignmentId: assignment.id });
  return { assignmentId: assignment.id, status, csmId: csm.userId, csmName: csm.name, accountName: context.accountName };
}
