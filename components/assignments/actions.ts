"use server";

import { revalidatePath } from "next/cache";
import { approveInput, bulkApproveInput, overrideInput, rejectInput } from "@/lib/assignment/decision";
import { failure, fieldErrorsOf, nulFailure, type ActionResult } from "@/lib/server/actions/result";
import { approveAssignment, overrideAssignment } from "@/lib/server/assignments/approve-assignment";
import { approveTopSuggestions, type BulkApprovalRow } from "@/lib/server/assignments/approve-assignments";
import { rejectAssignment } from "@/lib/server/assignments/reject-assignment";
import { requireUser } from "@/lib/server/session";

// The CS manager's decisions. Each validates with the form's schema, then the lib/server function checks
// the role (CS manager or admin) itself, so calling an action directly is refused the same way.

export type DecisionState = ActionResult<{ requeuedAssignmentId?: string | null }> | null;

const invalid = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  ({ ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(error) }) as const;

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

function revalidate(assignmentId: string): void {
  revalidatePath("/assignments");
  revalidatePath(`/assignments/${assignmentId}`);
  revalidatePath("/csms");
  revalidatePath("/");
}

export async function approveAssignmentAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const nul = nulFailure(formData);
  if (nul) return nul;
  const parsed = approveInput.safeParse({ assignmentId: text(formData, "assignmentId") ?? "", expectedCsmId: text(formData, "expectedCsmId") || undefined });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const decision = await approveAssignment(await requireUser(), parsed.data);
    revalidate(parsed.data.assignmentId);
    return { ok: true, data: {}, message: `Approved: ${decision.csmName} is now the CSM for ${decision.accountName}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function overrideAssignmentAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const nul = nulFailure(formData);
  if (nul) return nul;
  const parsed = overrideInput.safeParse({
    assignmentId: text(formData, "assignmentId") ?? "",
    csmId: text(formData, "csmId") ?? "",
    reason: text(formData, "reason") ?? "",
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const decision = await overrideAssignment(await requireUser(), parsed.data);
    revalidate(parsed.data.assignmentId);
    return { ok: true, data: {}, message: `Assigned: ${decision.csmName} is now the CSM for ${decision.accountName}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function rejectAssignmentAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const nul = nulFailure(formData);
  if (nul) return nul;
  const parsed = rejectInput.safeParse({ assignmentId: text(formData, "assignmentId") ?? "", reason: text(formData, "reason") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const rejection = await rejectAssignment(await requireUser(), parsed.data);
    revalidate(parsed.data.assignmentId);
    return { ok: true, data: { requeuedAssignmentId: rejection.requeuedAssignmentId }, message: "Rejected. The handoff is back in the queue with a fresh suggestion." };
  } catch (error) {
    return failure(error);
  }
}

/** Bulk "Approve top suggestion": one race-safe transaction per row, a result per row. */
export async function approveTopSuggestionsAction(input: unknown): Promise<ActionResult<BulkApprovalRow[]>> {
  const nul = nulFailure(input);
  if (nul) return nul;
  const parsed = bulkApproveInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const results = await approveTopSuggestions(await requireUser(), parsed.data);
    revalidatePath("/assignments");
    revalidatePath("/csms");
    revalidatePath("/");
    const approved = results.filter((row) => row.ok).length;
    return { ok: true, data: results, message: `${approved} of ${results.length} approved.` };
  } catch (error) {
    return failure(error);
  }
}
