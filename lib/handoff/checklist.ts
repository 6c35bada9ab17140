import { z } from "zod";
import { calendarDay } from "@/lib/input/dates";

// The handoff checklist (SPEC.md "Handoff checklist", 000 step 5). The same schemas validate the wizard
// in the browser and every save and submit on the server. A draft may be partial; `checklistStatus`
// decides what is complete.

const trimmed = (max: number) => z.string().trim().max(max);
const isoDate = calendarDay("Enter a date");
const money = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter an amount in dollars, e.g. 120000 or 120000.50");

export const CONTACT_ROLES = ["CHAMPION", "ECONOMIC_BUYER", "EXECUTIVE_SPONSOR", "TECHNICAL_LEAD", "USER", "OTHER"] as const;
export const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const RISK_SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export const SEGMENTS = ["ENTERPRISE", "MID_MARKET", "SCALE"] as const;

/** What an item is checked against beyond its own fields: the deal's close date (a contract cannot start before it). */
export interface ChecklistContext {
  /** YYYY-MM-DD. */
  closeDate?: string;
}

export const stakeholderSchema = z.object({
  name: trimmed(120).min(1, "Enter the stakeholder's name"),
  title: trimmed(120),
  role: z.enum(CONTACT_ROLES, "Choose a role"),
  email: z.email("Enter a valid e-mail address").max(200),
  priority: z.enum(PRIORITIES, "Choose a priority"),
  notes: trimmed(1000),
});

export const successCriterionSchema = z.object({
  metric: trimmed(200).min(1, "Name the metric, e.g. “Time to close a support ticket”"),
  baseline: trimmed(100).min(1, "Enter today's value"),
  target: trimmed(100).min(1, "Enter the target value"),
  dueBy: isoDate,
});

export const riskFactorSchema = z.object({
  description: trimmed(500).min(1, "Describe the risk"),
  severity: z.enum(RISK_SEVERITIES, "Choose a severity"),
  mitigation: trimmed(500).min(1, "Say how the risk will be handled"),
});

// Complete forms of each item. Drafts use their deep-partial shape (see `checklistDraftSchema`).
export const checklistItems = {
  contract: z.object({
    arr: money,
    termMonths: z.coerce.number().int("Whole months only").min(1, "At least 1 month").max(120, "At most 120 months"),
    contractStart: isoDate,
    productIds: z.array(z.string().min(1)).min(1, "Choose at least one product"),
    // The account facts the CSM assignment depends on, confirmed here; a change re-scores the suggestion.
    segment: z.enum(SEGMENTS, "Choose the segment").optional(),
    strategic: z.boolean().optional(),
    needsOnsite: z.boolean().optional(),
  }),
  whyTheyBought: z.object({
    winReason: trimmed(2000).min(1, "Say why they bought"),
    painPoints: z.array(trimmed(300).min(1)).min(1, "List at least one pain point"),
  }),
  successCriteria: z.object({
    criteria: z.array(successCriterionSchema).min(1, "Add at least one measurable success criterion"),
  }),
  stakeholders: z.object({
    contacts: z
      .array(stakeholderSchema)
      .min(1, "Add the key stakeholders")
      .refine((contacts) => contacts.some((contact) => contact.role === "CHAMPION"), "Name at least one champion"),
  }),
  technicalRequirements: z.object({
    requirements: z.array(trimmed(300).min(1)).min(1, "List at least one technical requirement"),
    integrations: z.array(trimmed(200).min(1)),
  }),
  implementationTimeline: z
    .object({ start: isoDate, goLive: isoDate, notes: trimmed(2000) })
    .refine((timeline) => timeline.goLive > timeline.start, { message: "Go-live must be after the start", path: ["goLive"] }),
  competitiveContext: z.object({ competitor: trimmed(200), notes: trimmed(2000) }),
  riskFactors: z.object({ risks: z.array(riskFactorSchema).min(1, "Add at least one risk factor with its mitigation") }),
} as const;

export type ChecklistItemKey = keyof typeof checklistItems;
export const CHECKLIST_ITEM_KEYS = Object.keys(checklistItems) as ChecklistItemKey[];
export const OPTIONAL_ITEMS: readonly ChecklistItemKey[] = ["competitiveContext"];

export const CHECKLIST_ITEM_LABELS: Record<ChecklistItemKey, string> = {
  contract: "Contract details",
  whyTheyBought: "Why they bought",
  successCriteria: "Success criteria",
  stakeholders: "Key stakeholders",
  technicalRequirements: "Technical requirements",
  implementationTimeline: "Implementation timeline",
  competitiveContext: "Competitive context",
  riskFactors: "Risk factors",
};

export type Checklist = { [K in ChecklistItemKey]: z.infer<(typeof checklistItems)[K]> };

/** What may be stored while the AE works: any subset of items, each with any subset of fields, types enforced. */
export const checklistDraftSchema = z
  .object({
    contract: z
      .object({
        arr: z.string().max(20),
        termMonths: z.union([z.number(), z.string().max(5)]),
        contractStart: z.string().max(10),
        productIds: z.array(z.string().max(50)).max(50),
        segment: z.union([z.enum(SEGMENTS), z.literal("")]),
        strategic: z.boolean(),
        needsOnsite: z.boolean(),
      })
      .partial(),
    whyTheyBought: z.object({ winReason: z.string().max(2000), painPoints: z.array(z.string().max(300)).max(50) }).partial(),
    successCriteria: z.object({ criteria: z.array(successCriterionSchema.partial()).max(50) }).partial(),
    stakeholders: z.object({ contacts: z.array(stakeholderSchema.partial()).max(100) }).partial(),
    technicalRequirements: z.object({ requirements: z.array(z.string().max(300)).max(100), integrations: z.array(z.string().max(200)).max(100) }).partial(),
    implementationTimeline: z.object({ start: z.string().max(10), goLive: z.string().max(10), notes: z.string().max(2000) }).partial(),
    competitiveContext: z.object({ competitor: z.string().max(200), notes: z.string().max(2000) }).partial(),
    riskFactors: z.object({ risks: z.array(riskFactorSchema.partial()).max(50) }).partial(),
  })
  .partial()
  .strict();

export type ChecklistDraft = z.infer<typeof checklistDraftSchema>;

export interface ItemStatus {
  key: ChecklistItemKey;
  label: string;
  required: boolean;
  complete: boolean;
  /** What is missing, field by field, in words a person can act on. */
  problems: string[];
}

function cleanLists<T>(value: T): T {
  // Empty rows the AE added but never filled in are not counted against them.
  if (Array.isArray(value)) {
    return value
      .map(cleanLists)
      .filter((entry) => !(typeof entry === "string" && entry.trim() === "") && !(isPlainObject(entry) && Object.values(entry).every((v) => v === "" || v === undefined))) as T;
  }
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanLists(v)])) as T;
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An item's schema with the checks that need the context (the contract start against the close date). */
function itemSchema(key: ChecklistItemKey, context: ChecklistContext): z.ZodType {
  const closeDate = context.closeDate;
  if (key !== "contract" || !closeDate) return checklistItems[key];
  return checklistItems.contract.refine((contract) => contract.contractStart >= closeDate, {
    message: `The contract cannot start before the close date (${closeDate})`,
    path: ["contractStart"],
  });
}

/** Drops an empty segment choice, so the account's own segment applies. */
function normalise(key: ChecklistItemKey, value: unknown): unknown {
  if (key !== "contract" || !isPlainObject(value) || value.segment !== "") return value;
  const { segment: _empty, ...rest } = value;
  return rest;
}

export function itemStatus(key: ChecklistItemKey, draft: ChecklistDraft, context: ChecklistContext = {}): ItemStatus {
  const required = !OPTIONAL_ITEMS.includes(key);
  const value = normalise(key, cleanLists(draft[key]));
  const label = CHECKLIST_ITEM_LABELS[key];
  if (!required && (value === undefined || Object.values(value as object).every((v) => v === "" || v === undefined))) {
    return { key, label, required, complete: true, problems: [] };
  }
  const parsed = itemSchema(key, context).safeParse(value ?? {});
  if (parsed.success) return { key, label, required, complete: true, problems: [] };
  return { key, label, required, complete: false, problems: [...new Set(parsed.error.issues.map((issue) => describeIssue(issue)))] };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return `${fieldLabel(issue.path)} is missing`;
  return issue.message;
}

function fieldLabel(path: PropertyKey[]): string {
  const last = [...path].reverse().find((part) => typeof part === "string");
  return String(last ?? "A field").replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

export function checklistStatus(draft: ChecklistDraft, context: ChecklistContext = {}): ItemStatus[] {
  return CHECKLIST_ITEM_KEYS.map((key) => itemStatus(key, draft, context));
}

/** The complete checklist, or the items still missing. */
export function completeChecklist(draft: ChecklistDraft, context: ChecklistContext = {}): { ok: true; checklist: Checklist } | { ok: false; missing: ItemStatus[] } {
  const statuses = checklistStatus(draft, context);
  const missing = statuses.filter((status) => !status.complete);
  if (missing.length > 0) return { ok: false, missing };
  const cleaned = cleanLists(draft);
  const checklist = Object.fromEntries(
    CHECKLIST_ITEM_KEYS.map((key) => [key, checklistItems[key].safeParse(normalise(key, cleaned[key]) ?? {}).data ?? { competitor: "", notes: "" }]),
  ) as Checklist;
  return { ok: true, checklist };
}

/** Messages per field path inside one item (e.g. "contacts.0.email"), for showing next to the inputs. */
export function itemFieldErrors(key: ChecklistItemKey, draft: ChecklistDraft, context: ChecklistContext = {}): Record<string, string> {
  const parsed = itemSchema(key, context).safeParse(normalise(key, cleanLists(draft[key])) ?? {});
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".") || "_item";
    errors[path] ??= describeIssue(issue);
  }
  return errors;
}
