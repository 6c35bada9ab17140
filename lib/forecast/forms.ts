import { z } from "zod";
import { ForecastCategory, ForecastOutcome } from "@/lib/generated/prisma/enums";
import { DATE_WINDOW_MESSAGE, inDateWindow, isRealDate } from "@/lib/input/dates";
import { isDollars } from "@/lib/renewals/forms";

// Form schemas of the forecast, shared by the renewal page (client validation), the actions and lib/server.

const amount = z
  .string("Enter the forecast amount in dollars, e.g. 120000")
  .trim()
  .max(20)
  .refine(isDollars, "Enter the forecast amount in dollars, e.g. 120000");

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value) && inDateWindow(value)), `Use a real date (YYYY-MM-DD) ${DATE_WINDOW_MESSAGE}`)
  .default("");

const call = {
  renewalId: z.string().min(1).max(64),
  category: z.enum(ForecastCategory, "Choose a category"),
  amount,
  outcome: z.enum(ForecastOutcome, "Choose an outcome"),
};

export const setForecastSchema = z.object({
  ...call,
  nextStep: z.string().trim().max(500, "Keep the next step under 500 characters").default(""),
  nextStepDate: optionalDate,
});
export type SetForecastInput = z.input<typeof setForecastSchema>;

const reason = z.string("Give the reason").trim().min(3, "Give the reason (at least 3 characters)").max(1000, "Keep the reason under 1,000 characters");

export const overrideForecastSchema = z.object({ ...call, reason });
export type OverrideForecastInput = z.input<typeof overrideForecastSchema>;

export const recordCheckpointSchema = z.object({
  checkpointId: z.string().min(1).max(64),
  category: call.category,
  amount,
  outcome: call.outcome,
});
export type RecordCheckpointInput = z.input<typeof recordCheckpointSchema>;

export const decideCheckpointSchema = z.object({
  checkpointId: z.string().min(1).max(64),
  category: call.category,
  amount,
  reason,
});
export type DecideCheckpointInput = z.input<typeof decideCheckpointSchema>;

export const contractTermsSchema = z.object({
  renewalId: z.string().min(1).max(64),
  autoRenew: z.boolean("Say whether the contract renews automatically"),
  noticeDays: z.union([z.literal(""), z.coerce.number("Notice is a whole number of days").int("Notice is a whole number of days").min(0, "Notice is at least 0 days").max(365, "Notice is at most 365 days")]).default(""),
  upliftPct: z.coerce.number("The uplift must be a number").min(0, "The uplift is at least 0%").max(100, "The uplift is at most 100%").multipleOf(0.01, "The uplift has at most 2 decimals"),
});
export type ContractTermsInput = z.input<typeof contractTermsSchema>;
