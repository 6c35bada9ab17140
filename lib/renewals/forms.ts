import { z } from "zod";
import { DATE_WINDOW_MESSAGE, inDateWindow, isRealDate } from "@/lib/input/dates";
import { RenewalStage } from "@/lib/generated/prisma/enums";

// Form schemas shared by the pages (client validation) and lib/server (the same rules, enforced).

const DOLLARS = /^\d{1,13}(\.\d{1,2})?$/;

/** "125,000.50" or "125000.5" → 12500050n, moving digits rather than multiplying a float. */
export function dollarsToCents(text: string): bigint {
  const [whole = "0", fraction = ""] = text.replace(/[$,\s]/g, "").split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

export function isDollars(text: string): boolean {
  return DOLLARS.test(text.replace(/[$,\s]/g, ""));
}

export const moveStageSchema = z
  .object({
    renewalId: z.string().min(1),
    stage: z.enum(RenewalStage, "Choose a stage"),
    closedAmount: z.string().trim().max(20).default(""),
    /** Won: the renewed term; default the contract's own term. */
    termMonths: z.number("The term is a whole number of months").int("The term is a whole number of months").min(1, "The term is at least 1 month").max(120, "The term is at most 120 months").optional(),
    /** Won: the products renewed; default the renewal's products. */
    productIds: z.array(z.string().min(1).max(64)).max(50).optional(),
    /** Lost, or won lower: why (from the rule settings' list), a note, and whether it was addressable. */
    reason: z.string().trim().max(60).optional(),
    reasonNote: z.string().trim().max(2000, "Keep the note under 2,000 characters").default(""),
    addressable: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.stage === "CLOSED_LOST") {
      if (!value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Choose why the renewal was lost" });
      if (value.addressable === undefined) ctx.addIssue({ code: "custom", path: ["addressable"], message: "Say whether the loss was addressable" });
    }
    if (value.stage !== "CLOSED_WON") return;
    if (!isDollars(value.closedAmount) || dollarsToCents(value.closedAmount) <= 0n) {
      ctx.addIssue({ code: "custom", path: ["closedAmount"], message: "Enter the renewed ARR in dollars, e.g. 120000" });
    }
  });
export type MoveStageInput = z.input<typeof moveStageSchema>;

export const completeTouchpointSchema = z.object({
  touchpointId: z.string().min(1),
  notes: z.string().trim().max(2000, "Keep the notes under 2,000 characters").default(""),
});

const percent = (label: string) =>
  z.coerce.number(`${label} must be a number`).min(0, `${label} is at least 0`).max(100, `${label} is at most 100`);

export const healthUsageSchema = z.object({
  accountId: z.string().min(1),
  healthScore: percent("Health").int("Health is a whole number"),
  usagePct: percent("Usage").multipleOf(0.01, "Usage has at most 2 decimals"),
});

const optionalIsoDate = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value), "Use a date (YYYY-MM-DD)")
  .refine((value) => value === "" || (isRealDate(value) && inDateWindow(value)), `Use a real date ${DATE_WINDOW_MESSAGE}`)
  .default("");

export const milestonesSchema = z.object({
  accountId: z.string().min(1),
  goLiveAt: optionalIsoDate,
  firstValueAt: optionalIsoDate,
});

export const expansionSchema = z.object({
  accountId: z.string().min(1),
  potential: z
    .string()
    .trim()
    .refine((value) => value === "" || isDollars(value), "Enter dollars, e.g. 25000")
    .default(""),
  notes: z.string().trim().max(2000).default(""),
});
