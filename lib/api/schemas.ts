import { z } from "zod";
import {
  ArrMovementType,
  AssignmentStatus,
  ContactRole,
  DealStage,
  DealType,
  ForecastCategory,
  ForecastOutcome,
  HandoffStatus,
  HandoffType,
  Priority,
  RenewalStage,
  Segment,
} from "@/lib/generated/prisma/enums";
import { PERIOD_PRESETS } from "@/lib/dashboard/period";
import { decodeCursor } from "@/lib/keyset";
import { apiPageQuery } from "@/lib/paging";
import { isTimeZone } from "@/lib/imports/fields";
import { calendarDay, DATE_MAX, DATE_MIN, instantInWindow, termMonths } from "@/lib/input/dates";

// The REST API's request and response shapes (/api/v1). The route table (routes.ts) names them per endpoint;
// the handlers validate with them and the OpenAPI document is generated from them, so neither can drift.
// Money travels as a decimal string of dollars ("60000.00"), never a float; dates as YYYY-MM-DD.

export const money = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, "must be dollars with up to 2 decimals, e.g. \"60000.00\"")
  .describe("US dollars with up to 2 decimals, as a string, e.g. \"60000.00\"");
// Dates sent to Baton must lie in its window (lib/input/dates.ts); dates it answers with may lie past it (a
// renewal 120 months after a 2100 close), so responses only promise the format.
const date = z.iso.date().pipe(calendarDay()).describe(`Calendar date, YYYY-MM-DD, ${DATE_MIN} to ${DATE_MAX}`);
const dateOut = z.iso.date().describe("Calendar date, YYYY-MM-DD");
const instant = instantInWindow.describe(`ISO 8601 date-time, ${DATE_MIN} to ${DATE_MAX}`);
const shortText = z.string().trim().max(200);
const longText = z.string().trim().max(5000);
const stringList = z.array(z.string().trim().min(1).max(500)).max(100);
const externalId = z.string().trim().min(1).max(100);

export const errorBody = z
  .object({
    code: z.string().describe("UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION, CONFLICT, ALREADY_EXISTS or INTERNAL"),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("The failing fields and why"),
  });

/** The named schemas of the OpenAPI document's components (a registry of our own, not zod's global one). */
export const API_COMPONENTS = z.registry<{ id: string }>();

// ── path and query parameters ──

export const accountPath = z.object({ externalId });
export const contactPath = z.object({ externalId, email: z.email() });
export const dealPath = z.object({ externalId });
export const renewalPath = z.object({ id: z.string().trim().min(1).max(64).describe("The renewal opportunity's id (from GET /renewals)") });

/**
 * `?cursor=`: the `nextCursor` of the page before, opaque (base64url of the next page's number and the last row's sort
 * key and id). The page starts right after that row, an index range however deep, and no row is repeated or skipped
 * when rows are added or removed before it; `page` is then ignored. A value this list did not return is a 422.
 */
function cursorQuery(sortKey: z.ZodType<string>) {
  const values = z.tuple([z.string().regex(/^[1-9]\d{0,8}$/), sortKey, z.string().min(1).max(64)]);
  return z
    .string()
    .max(400)
    .transform((value, ctx) => {
      const parsed = values.safeParse(decodeCursor(value));
      if (parsed.success) return { page: Number(parsed.data[0]), key: parsed.data[1], id: parsed.data[2] };
      ctx.addIssue({ code: "custom", message: "must be a nextCursor this list returned" });
      return z.NEVER;
    })
    .optional()
    .describe("The nextCursor of the page before (opaque); the page after that row. Replaces page for deep or changing lists.");
}
export type ApiCursor = { page: number; key: string; id: string };

export const handoffQuery = z.object({ ...apiPageQuery, cursor: cursorQuery(z.iso.datetime()), status: z.enum(HandoffStatus).optional() });
export const suggestionQuery = z.object({ ...apiPageQuery, cursor: cursorQuery(z.iso.datetime()), status: z.enum(AssignmentStatus).default("PENDING") });
export const renewalQuery = z.object({
  ...apiPageQuery,
  cursor: cursorQuery(z.iso.date()),
  stage: z.enum(RenewalStage).optional(),
  dueFrom: date.optional(),
  dueTo: date.optional(),
});
export const measuresQuery = z.object({
  period: z.enum(PERIOD_PRESETS).default("12m"),
  from: z.string().regex(/^\d{4}-\d{2}$/).optional().describe("First month (YYYY-MM) when period=custom"),
  to: z.string().regex(/^\d{4}-\d{2}$/).optional().describe("Last month (YYYY-MM) when period=custom"),
  segment: z.enum(Segment).optional(),
  csm: z.string().max(64).optional().describe("A CSM's user id"),
  ae: z.string().max(64).optional().describe("An AE's user id"),
});

// ── request bodies (an omitted optional field keeps the stored value; a new record gets the default) ──

export const accountInput = z
  .object({
    name: shortText.min(1),
    segment: z.enum(Segment),
    industry: shortText.min(1),
    region: z.string().trim().min(1).max(64),
    timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/New_York"),
    primaryLanguage: z.string().trim().min(1).max(64),
    strategic: z.boolean().optional(),
    needsOnsite: z.boolean().optional(),
    healthScore: z.number().int().min(0).max(100).optional(),
    usagePct: z.number().min(0).max(9999).optional().describe("Usage in percent of the entitlement"),
    expansionPotential: money.optional(),
    csmEmail: z.email().optional().describe("An active CSM; omit to keep the account's CSM"),
  });

export const contactInput = z
  .object({
    name: shortText.min(1),
    title: shortText.default(""),
    role: z.enum(ContactRole),
    priority: z.enum(Priority).optional(),
    notes: longText.default(""),
  });

export const dealInput = z
  .object({
    accountExternalId: externalId,
    name: shortText.min(1),
    type: z.enum(DealType),
    stage: z.enum(DealStage).describe("CLOSED_WON runs the closed-won flow once (handoff, renewal, touchpoints)"),
    amount: money.describe("ARR of the deal in dollars"),
    termMonths,
    closeDate: date,
    contractStart: date.nullable().default(null),
    products: z.array(z.string().min(1)).max(50).default([]).describe("Product names; each must exist"),
    ownerEmail: z.email().describe("The owning AE"),
    winReason: longText.default(""),
    competitor: shortText.default(""),
    painPoints: stringList.default([]),
    risks: stringList.default([]),
    technicalRequirements: stringList.default([]),
    integrations: stringList.default([]),
    closedAt: instant
      .optional()
      .describe("For a deal sent already CLOSED_WON: when it closed (starts the 72-business-hour clock). Default: the end of its close date in company time, never later than its arrival."),
    autoRenew: z.boolean().optional().describe("Contract term of the deal's renewal: renews unless cancelled. Omitted keeps the stored value"),
    noticeDays: z.number().int().min(0).max(365).optional().describe("Notice the customer must give, in days (0 = none): the decision date is the renewal date minus it"),
    upliftPct: z.number().min(0).max(100).multipleOf(0.01).optional().describe("Contractual price uplift in percent; a flat renewal forecast includes it"),
  });

export const closeWonInput = z
  .object({ closedAt: instant.optional().describe("When the deal closed; default now. Starts the 72-business-hour clock.") })
  .default({});

const OPEN_STAGES = ["RENEWAL_PENDING", "PLANNING", "NEGOTIATION", "COMMITTED"] as const;
const lossFields = {
  reason: z.string().trim().min(1).max(60).describe("Why ARR was lost: one of the reasons in the rule settings (Price, Budget, Product gap, …)"),
  reasonNote: longText.default("").describe("Required when the reason is Other"),
  addressable: z.boolean().describe("Whether the loss was addressable (Baton could have changed the outcome)"),
};

export const renewalStageInput = z.object({ stage: z.enum(OPEN_STAGES).describe("An open stage; close with …/close-won or …/close-lost") });

export const renewalTermsInput = z.object({
  autoRenew: z.boolean().describe("The contract renews unless the customer cancels"),
  noticeDays: z.number().int().min(0).max(365).describe("Notice the customer must give, in days (0 = none): the decision date is the renewal date minus it"),
  upliftPct: z.number().min(0).max(100).multipleOf(0.01).describe("Contractual price uplift in percent; a flat renewal forecast includes it"),
});

export const renewalCloseWonInput = z.object({
  amount: money.describe("The renewed ARR, P: the contract's ARR becomes exactly this"),
  termMonths: z.number().int().min(1).max(120).optional().describe("The renewed term; default the contract's term"),
  products: z.array(z.string().trim().min(1).max(200)).max(50).optional().describe("Product names renewed; default the renewal's products"),
  reason: lossFields.reason.optional().describe("Required when P is below the renewal's ARR (a downsell)"),
  reasonNote: lossFields.reasonNote,
  addressable: lossFields.addressable.optional().describe("Required with a downsell"),
});

export const renewalCloseLostInput = z.object(lossFields);

export const arrMovementInput = z.object({
  accountExternalId: externalId,
  date,
  type: z.enum(ArrMovementType).describe("NEW and EXPANSION add, CONTRACTION and CHURN subtract (CHURN to zero), RENEWAL records a renewal at unchanged ARR"),
  amount: money.refine((value) => Number(value) > 0, "must be more than 0"),
  dealExternalId: externalId.optional().describe("The deal the movement belongs to: a new-business or expansion deal's own movement is that deal's contract movement, never a second one"),
  reason: z.string().trim().min(1).max(60).optional().describe("For a churn or contraction: one of the loss reasons in the rule settings"),
});

// ── responses ──

export const accountOutput = z
  .object({
    id: z.string(),
    externalId: z.string(),
    name: z.string(),
    segment: z.enum(Segment),
    industry: z.string(),
    region: z.string(),
    timezone: z.string(),
    primaryLanguage: z.string(),
    strategic: z.boolean(),
    needsOnsite: z.boolean(),
    healthScore: z.number().int(),
    usagePct: z.number(),
    expansionPotential: money,
    arr: money,
    csmEmail: z.string().nullable(),
  });

export const contactOutput = z
  .object({
    id: z.string(),
    accountExternalId: z.string(),
    name: z.string(),
    title: z.string(),
    role: z.enum(ContactRole),
    email: z.string(),
    priority: z.enum(Priority),
    notes: z.string(),
  });

export const dealOutput = z
  .object({
    id: z.string(),
    externalId: z.string(),
    accountExternalId: z.string(),
    name: z.string(),
    type: z.enum(DealType),
    stage: z.enum(DealStage),
    amount: money,
    termMonths: z.number().int(),
    closeDate: dateOut,
    contractStart: dateOut.nullable(),
    products: z.array(z.string()),
    ownerEmail: z.string(),
    winReason: z.string(),
    competitor: z.string(),
    painPoints: z.array(z.string()),
    risks: z.array(z.string()),
    technicalRequirements: z.array(z.string()),
    integrations: z.array(z.string()),
    closedWonAt: instant.nullable(),
  });

export const closeWonOutput = z
  .object({
    dealId: z.string(),
    externalId: z.string(),
    handoffId: z.string().nullable().describe("The New Customer or Expansion handoff; null for a renewal deal, which closes its renewal instead"),
    renewalOpportunityId: z.string().nullable().describe("The renewal opportunity of the contract the deal starts (for a renewal deal: the next term)"),
    created: z.boolean().describe("False when the deal was already closed-won: the call had no further effect"),
  });

export const handoffOutput = z
  .object({
    id: z.string(),
    type: z.enum(HandoffType),
    status: z.enum(HandoffStatus),
    accountExternalId: z.string(),
    accountName: z.string(),
    dealExternalId: z.string().nullable(),
    startedAt: instant,
    dueAt: instant,
    submittedAt: instant.nullable(),
    completedAt: instant.nullable(),
    completedWithinSla: z.boolean().nullable(),
    acknowledgedAt: instant.nullable(),
    rating: z.number().int().nullable(),
  });

export const suggestionOutput = z
  .object({
    id: z.string(),
    status: z.enum(AssignmentStatus),
    accountExternalId: z.string(),
    accountName: z.string(),
    handoffId: z.string().nullable(),
    suggestedCsmEmail: z.string().nullable(),
    suggestedScore: z.string().nullable().describe("Exact decimal score of the top candidate"),
    chosenCsmEmail: z.string().nullable(),
    decidedAt: instant.nullable(),
    reason: z.string().nullable(),
    createdAt: instant,
    candidates: z
      .unknown()
      .describe(
        "The suggestion as computed then: the top candidates with their score breakdowns, how many CSMs were eligible, the excluded CSMs closest to eligible with their reasons, how many were excluded and the commonest reasons",
      ),
  });

export const renewalOutput = z
  .object({
    id: z.string(),
    originalDealExternalId: z.string(),
    accountExternalId: z.string(),
    accountName: z.string(),
    name: z.string(),
    stage: z.enum(RenewalStage),
    amount: money,
    renewalDate: dateOut,
    originalCloseDate: dateOut,
    contractTermMonths: z.number().int(),
    products: z.array(z.string()),
    csmEmail: z.string().nullable(),
    closedAmount: money.nullable(),
    closedAt: instant.nullable(),
    lossReason: z.string().nullable().describe("Closed lost or downsold: the reason"),
    lossAddressable: z.boolean().nullable(),
    nextRenewalId: z.string().nullable().describe("Closed won: the next term's renewal opportunity"),
    autoRenew: z.boolean(),
    noticeDays: z.number().int().nullable(),
    upliftPct: z.string().describe("Contractual price uplift in percent, e.g. \"5\""),
    decisionDate: dateOut.describe("The renewal date minus the notice days (the renewal date without notice)"),
    forecast: z
      .object({
        category: z.enum(ForecastCategory),
        amount: money,
        outcome: z.enum(ForecastOutcome),
        overridden: z.boolean().describe("The CS manager's override is in force"),
      })
      .nullable()
      .describe("The forecast in force; null until the CSM or a CS manager calls it"),
  });

export const renewalCloseOutput = z.object({
  renewal: renewalOutput,
  movements: z.array(z.object({ type: z.enum(ArrMovementType), amount: money, date: dateOut })).describe("The ARR movements the close wrote, dated on the renewal date"),
});

export const arrMovementOutput = z.object({
  accountExternalId: z.string(),
  date: dateOut,
  type: z.enum(ArrMovementType),
  amount: money,
  dealExternalId: z.string().nullable(),
  reason: z.string().nullable(),
  accountArr: money.describe("The account's ARR today (movements dated today or earlier)"),
});

const ratio = z.number().nullable().describe("A share between 0 and 1; null when there is nothing to measure");

export const measuresOutput = z
  .object({
    period: z.object({ preset: z.string(), start: dateOut, end: dateOut }),
    retention: z.object({
      startArr: money,
      retainedArr: money,
      endArr: money,
      cohortAccounts: z.number().int(),
      retainedAccounts: z.number().int(),
      grossRetention: ratio,
      netRetention: ratio,
      logoRetention: ratio,
    }),
    renewalVisibility: z.object({ from: dateOut, until: dateOut, due: z.number().int(), visible: z.number().int(), visibility: ratio }),
    timeToFirstValue: z.object({ closed: z.number().int(), reached: z.number().int(), medianDays: z.number().nullable() }),
    handoffs: z.object({
      completed: z.number().int(),
      withinSla: z.number().int(),
      slaShare: ratio,
      openOverdue: z.number().int(),
      rated: z.number().int(),
      meanRating: z.number().nullable(),
    }),
  });

/** One page of a list: the same paging shape as the app's lists, and the cursor of the page after it. */
export function pagedOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    count: z.number().int(),
    currentPage: z.number().int(),
    perPage: z.number().int(),
    totalPages: z.number().int(),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  });
}

// Registered last, once each: the OpenAPI document refers to these by name.
API_COMPONENTS.add(errorBody, { id: "Error" });
API_COMPONENTS.add(accountInput, { id: "AccountInput" });
API_COMPONENTS.add(contactInput, { id: "ContactInput" });
API_COMPONENTS.add(dealInput, { id: "DealInput" });
API_COMPONENTS.add(closeWonInput, { id: "CloseWonInput" });
API_COMPONENTS.add(accountOutput, { id: "Account" });
API_COMPONENTS.add(contactOutput, { id: "Contact" });
API_COMPONENTS.add(dealOutput, { id: "Deal" });
API_COMPONENTS.add(closeWonOutput, { id: "CloseWonResult" });
API_COMPONENTS.add(handoffOutput, { id: "Handoff" });
API_COMPONENTS.add(suggestionOutput, { id: "Suggestion" });
API_COMPONENTS.add(renewalOutput, { id: "Renewal" });
API_COMPONENTS.add(renewalStageInput, { id: "RenewalStageInput" });
API_COMPONENTS.add(renewalTermsInput, { id: "RenewalTermsInput" });
API_COMPONENTS.add(renewalCloseWonInput, { id: "RenewalCloseWonInput" });
API_COMPONENTS.add(renewalCloseLostInput, { id: "RenewalCloseLostInput" });
API_COMPONENTS.add(renewalCloseOutput, { id: "RenewalCloseResult" });
API_COMPONENTS.add(arrMovementInput, { id: "ArrMovementInput" });
API_COMPONENTS.add(arrMovementOutput, { id: "ArrMovement" });
API_COMPONENTS.add(measuresOutput, { id: "Measures" });
