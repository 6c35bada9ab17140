import { z } from "zod";
import { dollars } from "@/lib/assignment/eligibility";
import type { CsmInput } from "@/lib/assignment/types";

// The CS manager's three decisions on a suggested CSM assignment: the schemas the forms and the server
// actions share, and the message a refused approval shows.

const assignmentId = z.string().trim().min(1, "The assignment is missing; reload the page.");
const REASON_MAX = 1000;

export const approveInput = z.object({
  assignmentId,
  /** The top candidate the manager saw; if the suggestion changed since, the approval is refused. */
  expectedCsmId: z.string().trim().min(1).optional(),
});

export const overrideInput = z.object({
  assignmentId,
  csmId: z.string().trim().min(1, "Choose the CSM to assign."),
  reason: z
    .string()
    .trim()
    .min(1, "Enter the reason for choosing another CSM.")
    .max(REASON_MAX, `The reason can be at most ${REASON_MAX} characters.`),
});

export const rejectInput = z.object({
  assignmentId,
  reason: z
    .string()
    .trim()
    .min(1, "Enter the reason for rejecting the suggestion.")
    .max(REASON_MAX, `The reason can be at most ${REASON_MAX} characters.`),
});

export const bulkApproveInput = z.object({
  items: z.array(approveInput).min(1, "Select at least one assignment to approve.").max(100, "Approve at most 100 at a time."),
});

export type ApproveInput = z.infer<typeof approveInput>;
export type OverrideInput = z.infer<typeof overrideInput>;
export type RejectInput = z.infer<typeof rejectInput>;
export type BulkApproveInput = z.infer<typeof bulkApproveInput>;

/**
 * Why one more account does not fit the CSM's book, naming the CSM and the limit — or null when it fits.
 * Limits are the CSM profile's own, as in the engine.
 */
export function capacityConflictMessage(csm: CsmInput, accountArrCents: bigint): string | null {
  const maxAccounts = csm.maxAccounts;
  const maxArr = csm.maxArrCents;
  if (csm.currentAccounts + 1 > maxAccounts) {
    return `${csm.name} is ${csm.currentAccounts > maxAccounts ? "over" : "at"} capacity: ${csm.currentAccounts}/${maxAccounts} accounts.`;
  }
  if (csm.currentArrCents + accountArrCents > maxArr) {
    return `${csm.name} would exceed the ARR limit: ${dollars(csm.currentArrCents)} + ${dollars(accountArrCents)} > ${dollars(maxArr)}.`;
  }
  return null;
}
