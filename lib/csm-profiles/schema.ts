import { z } from "zod";
import { Segment } from "@/lib/generated/prisma/enums";
import { dollarsToCents, isTimeZone } from "@/lib/imports/fields";

// The CSM profile form (admin), read from its FormData fields: lists typed as text are split on commas.
const textList = z
  .string()
  .default("")
  .transform((value) => value.split(/[,;\n]+/).map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(100)).max(30, "at most 30 entries"));

export const csmProfileInput = z.object({
  userId: z.string().min(1),
  tier: z.enum(Segment, "Choose a tier"),
  maxAccounts: z.coerce.number("Enter a number").int("must be a whole number").min(1, "must be at least 1").max(10_000),
  maxArr: z
    .string()
    .trim()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, "must be dollars with up to 2 decimals")
    .transform(dollarsToCents),
  segments: z.array(z.enum(Segment)).default([]),
  industries: textList,
  languages: textList,
  productIds: z.array(z.string().min(1)).default([]),
  certificationIds: z.array(z.string().min(1)).default([]),
  region: z.string().trim().min(1, "Enter a region").max(64),
  timezone: z.string().trim().refine(isTimeZone, "must be an IANA time zone such as America/New_York"),
  npsScore: z.coerce.number("Enter a number").min(-100, "must be at least -100").max(100, "must be at most 100"),
  retentionRate: z.coerce.number("Enter a number").min(0, "must be at least 0").max(100, "must be at most 100"),
});
export type CsmProfileInput = z.output<typeof csmProfileInput>;

/** The form's fields as the schema reads them (multi-valued checkboxes as arrays); the schema checks them. */
export function csmProfileFormValues(form: FormData): z.input<typeof csmProfileInput> {
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  return {
    userId: text("userId"),
    tier: text("tier"),
    maxAccounts: text("maxAccounts"),
    maxArr: text("maxArr"),
    segments: form.getAll("segments"),
    industries: text("industries"),
    languages: text("languages"),
    productIds: form.getAll("productIds"),
    certificationIds: form.getAll("certificationIds"),
    region: text("region"),
    timezone: text("timezone"),
    npsScore: text("npsScore"),
    retentionRate: text("retentionRate"),
  } as z.input<typeof csmProfileInput>;
}
