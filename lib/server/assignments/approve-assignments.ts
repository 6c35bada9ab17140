import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { bulkApproveInput, type BulkApproveInput } from "@/lib/assignment/decision";
import { logger } from "@/lib/logger";
import type { ActingUser } from "@/lib/server/authz";
import { assertCanApproveAssignment } from "@/lib/server/assignments/permissions";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { validationError } from "@/lib/server/assignments/validation";

export type BulkApprovalRow =
  | { assignmentId: string; ok: true; csmName: string; accountName: string }
  | { assignmentId: string; ok: false; error: string };

/**
 * "Approve top suggestion" for several rows. Each approval is its own race-safe transaction, so one row
 * refused (a CSM filled up meanwhile) leaves the others approved; the result says what happened to each.
 */
export async function approveTopSuggestions(actor: ActingUser, input: BulkApproveInput, options: { now?: Date } = {}): Promise<BulkApprovalRow[]> {
  assertCanApproveAssignment(actor);
  const parsed = bulkApproveInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const results: BulkApprovalRow[] = [];
  for (const item of parsed.data.items) {
    try {
      const decision = await approveAssignment(actor, item, options);
      results.push({ assignmentId: item.assignmentId, ok: true, csmName: decision.csmName, accountName: decision.accountName });
    } catch (error) {
      if (isAppError(error)) {
        results.push({ assignmentId: item.assignmentId, ok: false, error: error.message });
        continue;
      }
      const errorId = randomUUID();
      logger.error({ err: error, errorId, assignmentId: item.assignmentId }, "bulk approval failed");
      results.push({ assignmentId: item.assignmentId, ok: false, error: `Something went wrong on our side (error ${errorId.slice(0, 8)}).` });
    }
  }
  return results;
}
