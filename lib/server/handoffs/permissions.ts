import type { FlowStep, HandoffType } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";

// The handoff decisions, each one predicate used by the page (to show a control) and by the write (to allow it).
// They decide who; the handoff's state (open, submitted, skipped) is checked beside them, with its own message.
// Pure, so they are unit-tested; which handoffs a person reads is the `where` of access.ts.

type Actor = Pick<ActingUser, "id" | "role">;
/** The people of one handoff: the deal's AE (`ownerId`) and the account's CSM. */
interface HandoffPeople {
  ownerId: string | null;
  csmId: string | null;
}

/** Handoffs are filled in by AEs only, so only an AE's save can apply (the fast path of the autosave). */
export function editsHandoffs(actor: Actor): boolean {
  return actor.role === "AE";
}

/** The AE who owns the deal fills in the handoff — checklist, submit, skip, introduction, documents; nobody else. */
export function canEditHandoff(actor: Actor, handoff: Pick<HandoffPeople, "ownerId">): boolean {
  return editsHandoffs(actor) && handoff.ownerId === actor.id;
}

/** The handoff meeting (step 1) is logged and scheduled by the deal's AE or a CS manager. */
export function canLogHandoffMeeting(actor: Actor, handoff: Pick<HandoffPeople, "ownerId">): boolean {
  return canEditHandoff(actor, handoff) || actor.role === "CS_MANAGER";
}

/** The handoff call is moved by the deal's AE, the account's CSM or a CS manager. */
export function canMoveHandoffCall(actor: Actor, handoff: HandoffPeople): boolean {
  return canEditHandoff(actor, handoff) || (actor.role === "CSM" && handoff.csmId === actor.id) || actor.role === "CS_MANAGER";
}

/** The account setup (step 4) is the CS manager's. */
export function canSetUpAccount(actor: Actor): boolean {
  return actor.role === "CS_MANAGER";
}

/** Only CSMs acknowledge handoffs (so only a CSM has a list of them to acknowledge). */
export function acknowledgesHandoffs(actor: Actor): boolean {
  return actor.role === "CSM";
}

/** A completed handoff is acknowledged and rated by the account's assigned CSM. */
export function canAcknowledge(actor: Actor, handoff: Pick<HandoffPeople, "csmId">): boolean {
  return acknowledgesHandoffs(actor) && handoff.csmId === actor.id;
}

/** The people on a flow handoff's account: CS managers, admins and the account's CSM. */
function onAccount(actor: Actor, handoff: Pick<HandoffPeople, "csmId">): boolean {
  return actor.role === "CS_MANAGER" || actor.role === "ADMIN" || (actor.role === "CSM" && handoff.csmId === actor.id);
}

/**
 * A step of a Renewal or Expansion flow. Renewal: the account's CSM, a CS manager or an admin; the renewal plan
 * also the AE of the original deal (`originalAeId`). Expansion: those, or any AE who sees the account.
 * `ANY`: whether they may record some step of it (the page shows the flow's forms).
 */
export function canRecordFlowStep(
  actor: Actor,
  handoff: Pick<HandoffPeople, "csmId"> & { type: HandoffType; originalAeId: string | null },
  step: FlowStep | "ANY",
): boolean {
  if (onAccount(actor, handoff)) return true;
  if (actor.role !== "AE") return false;
  if (handoff.type !== "RENEWAL") return true;
  return (step === "RENEWAL_PLAN" || step === "ANY") && handoff.originalAeId === actor.id;
}

/** On a renewal the AE records only the plan; the CSM or a manager the rest. */
export function recordsOnlyRenewalPlan(actor: Actor, type: HandoffType): boolean {
  return type === "RENEWAL" && actor.role === "AE";
}

/** An AE opening an Expansion coordination leads it by default. */
export function leadsExpansionByDefault(actor: Actor): boolean {
  return actor.role === "AE";
}
