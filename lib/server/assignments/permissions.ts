import { forbidden } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";

// The assignment decision: one predicate used by the pages (the queue, the handoff's link to its review) and by
// every write (approve, override, reject). Pure, so it is unit-tested.

/** A suggested CSM assignment is reviewed and approved, overridden or rejected by a CS manager or an admin. */
export function canApproveAssignment(actor: Pick<ActingUser, "role">): boolean {
  switch (actor.role) {
    case "CS_MANAGER":
    case "ADMIN":
      return true;
    case "AE":
    case "CSM":
    case "LEADERSHIP":
      return false;
  }
}

export function assertCanApproveAssignment(actor: Pick<ActingUser, "role">): void {
  if (!canApproveAssignment(actor)) throw forbidden();
}
