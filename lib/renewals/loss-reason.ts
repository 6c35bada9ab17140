// Why ARR was lost (SPEC "The revenue ledger"): a renewal closed lost, or won lower (a downsell), names a reason from
// the admin's list (rule settings → Revenue ledger), says whether the loss was addressable, and "Other" needs a note.

export interface LossReasonInput {
  reason?: string | null;
  note?: string | null;
  addressable?: boolean | null;
}

export interface LossReason {
  /** The reason as the admin's list spells it. */
  reason: string;
  note: string;
  addressable: boolean;
}

const OTHER = "other";

/** The reason read against the list, or the fields that need attention (keys: reason, reasonNote, addressable). */
export function readLossReason(input: LossReasonInput, reasons: readonly string[]): { ok: true; value: LossReason } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const given = input.reason?.trim() ?? "";
  const reason = reasons.find((entry) => entry.toLowerCase() === given.toLowerCase());
  const note = input.note?.trim() ?? "";
  if (!given) fieldErrors.reason = [`Choose why ARR was lost: ${reasons.join(", ")}`];
  else if (!reason) fieldErrors.reason = [`"${given}" is not one of the reasons: ${reasons.join(", ")}`];
  else if (reason.toLowerCase() === OTHER && note === "") fieldErrors.reasonNote = ["Say what the other reason was"];
  if (note.length > 2000) fieldErrors.reasonNote = ["Keep the note under 2,000 characters"];
  if (typeof input.addressable !== "boolean") fieldErrors.addressable = ["Say whether the loss was addressable"];
  if (Object.keys(fieldErrors).length > 0 || !reason) return { ok: false, fieldErrors };
  return { ok: true, value: { reason, note, addressable: input.addressable as boolean } };
}
