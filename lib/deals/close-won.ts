import { z } from "zod";

// The "Mark closed-won" confirmation: what the AE confirms (the close date Baton will record, and the
// contract start, which may not be before it). The same schema checks the dialog and the server.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date");

export const closeWonSchema = z.object({
  dealId: z.string().min(1),
  /** The close date the dialog showed; if the day has turned since, the server asks to confirm again. */
  confirmedCloseDate: isoDate,
  /** Empty: the contract starts on the close date. */
  contractStart: z.union([z.literal(""), isoDate]),
});

export type CloseWonInput = z.infer<typeof closeWonSchema>;

/** Seconds the confirmed action waits, with an Undo, before it is sent. */
export const CLOSE_WON_GRACE_SECONDS = 5;

/** A contract start before the close date is refused (SPEC "Touchpoints"): the message for that field. */
export function contractStartError(contractStart: string, closeDate: string): string | null {
  return contractStart && contractStart < closeDate ? `The contract cannot start before the close date (${closeDate}).` : null;
}
