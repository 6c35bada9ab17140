import { isBusinessDay, type WorkingCalendar } from "@/lib/touchpoints/schedule";
import { atLocalTime } from "@/lib/zoned-time";
import { addDays, addMonthsUtc } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { contactRows, type AccountPlan } from "@/lib/demo/accounts";
import { fittingCsm, type DemoCsm } from "@/lib/demo/assign";
import type { Industry, Region } from "@/lib/demo/catalogue";
import { createDeal, monthsUntil, type DealRecord, type HistoryContext } from "@/lib/demo/history";
import type { Rng } from "@/lib/demo/random";

// Deals closed-won in the last few business days. They are inserted as open deals and then closed through
// the real closed-won flow, so their handoffs carry the real 72-hour due times; afterwards each handoff is
// moved to a different state so every screen has something to show.

export type RecentState =
  | "in_progress_empty"
  | "in_progress_partial"
  | "overdue"
  | "submitted_pending"
  | "completed"
  | "acknowledged";

interface RecentSpec {
  key: string;
  type: "NEW" | "EXPANSION";
  name: string;
  segment: Segment;
  industry: Industry;
  region: Region;
  timezone: string;
  language: string;
  strategic?: boolean;
  needsOnsite?: boolean;
  amountCents: number;
  products: string[];
  aeEmail: string;
  /** Business days before today, and the local time of the close. */
  daysBack: number;
  time: [number, number];
  state: RecentState;
  rating?: number;
  /** For the new customer whose CSM is fixed (the demo CSM sees it). */
  csmEmail?: string;
}

const CORE = "Baton Core Platform";

// Overdue needs > 72 business hours (3 working days) before today whatever the hour: 4 business days back.
const SPECS: readonly RecentSpec[] = [
  { key: "R1", type: "NEW", name: "Brightwater Analytics", segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "America/Chicago", language: "English", amountCents: 78_500_00, products: [CORE, "Insights Analytics", "Customer Portal"], aeEmail: "ae@baton.test", daysBack: 3, time: [10, 30], state: "completed", csmEmail: "csm@baton.test" },
  { key: "R2", type: "NEW", name: "Tidewell Outfitters", segment: "SCALE", industry: "Retail", region: "NA", timezone: "America/New_York", language: "English", amountCents: 18_240_50, products: [CORE, "Premier Support"], aeEmail: "ae@baton.test", daysBack: 4, time: [14, 10], state: "acknowledged", rating: 5 },
  { key: "R3", type: "NEW", name: "Helios Grid Energy", segment: "ENTERPRISE", industry: "Energy", region: "NA", timezone: "America/New_York", language: "English", strategic: true, amountCents: 240_000_00, products: [CORE, "Insights Analytics", "Security & Compliance Suite"], aeEmail: "ae@baton.test", daysBack: 2, time: [10, 5], state: "submitted_pending" },
  { key: "R4", type: "NEW", name: "Quarry Lane Logistics", segment: "MID_MARKET", industry: "Logistics", region: "NA", timezone: "America/Denver", language: "English", amountCents: 42_000_00, products: [CORE, "Workflow Automation"], aeEmail: "ae@baton.test", daysBack: 4, time: [9, 45], state: "overdue" },
  { key: "R5", type: "NEW", name: "Marlowe Health Partners", segment: "MID_MARKET", industry: "Healthcare", region: "NA", timezone: "America/New_York", language: "English", amountCents: 64_800_00, products: [CORE, "Insights Analytics", "Data Connect API"], aeEmail: "ae@baton.test", daysBack: 1, time: [11, 20], state: "in_progress_partial" },
  { key: "R6", type: "NEW", name: "Kitebird Studios", segment: "SCALE", industry: "Media", region: "NA", timezone: "America/Los_Angeles", language: "English", amountCents: 12_480_00, products: [CORE], aeEmail: "chris.turner@baton.test", daysBack: 1, time: [16, 40], state: "in_progress_empty" },
  { key: "R7", type: "EXPANSION", name: "", segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "", language: "", amountCents: 22_000_00, products: ["Workflow Automation"], aeEmail: "ae@baton.test", daysBack: 2, time: [15, 30], state: "in_progress_partial" },
  { key: "R8", type: "NEW", name: "Corvid Freight Systems", segment: "MID_MARKET", industry: "Logistics", region: "NA", timezone: "America/Chicago", language: "English", amountCents: 36_900_00, products: [CORE, "Insights Analytics"], aeEmail: "sofia.martinez@baton.test", daysBack: 3, time: [13, 15], state: "acknowledged", rating: 4 },
];

export interface RecentPlan {
  key: string;
  state: RecentState;
  rating: number | null;
  account: AccountPlan;
  /** Null for the expansion of an existing customer (its rows are already in the plan). */
  newContacts: Prisma.ContactCreateManyInput[] | null;
  deal: DealRecord;
  at: Date;
  /** The CSM the account ends up with (completed / acknowledged, and the expansion's existing CSM). */
  csm: DemoCsm | null;
  /** The suggestion waiting for the CS manager (pending ones). */
  suggested: DemoCsm | null;
}

/** The `count` business days before today, latest first. */
export function businessDaysBefore(today: Date, count: number, calendar: WorkingCalendar): Date[] {
  const days: Date[] = [];
  for (let cursor = addDays(today, -1); days.length < count; cursor = addDays(cursor, -1)) {
    if (isBusinessDay(cursor, calendar)) days.push(cursor);
  }
  return days;
}

export function planRecent(
  ctx: HistoryContext,
  csms: DemoCsm[],
  expansionAccount: { account: AccountPlan; csm: DemoCsm; renewalDate: Date },
): RecentPlan[] {
  const rng: Rng = ctx.rng;
  const days = businessDaysBefore(ctx.today, 4, ctx.workingCalendar);
  return SPECS.map((spec, index) => {
    const day = days[spec.daysBack - 1] ?? ctx.today;
    const at = atLocalTime(day, spec.time[0], spec.time[1], ctx.timezone);
    const products = ctx.products.filter((product) => spec.products.includes(product.name));
    const isNew = spec.type === "NEW";
    const account: AccountPlan = isNew
      ? {
          id: rng.id(),
          externalId: `${spec.name.slice(0, 4).toUpperCase()}-${String(9001 + index)}`,
          name: spec.name,
          domain: `${spec.name.split(" ")[0]?.toLowerCase() ?? "example"}.com`,
          segment: spec.segment,
          industry: spec.industry,
          region: spec.region,
          timezone: spec.timezone,
          language: spec.language,
          strategic: spec.strategic ?? false,
          needsOnsite: spec.needsOnsite ?? false,
          aeEmail: spec.aeEmail,
          kind: "recent",
        }
      : expansionAccount.account;
    // An expansion is co-termed: it renews with the customer's contract.
    const term = isNew ? 12 : monthsUntil(day, expansionAccount.renewalDate);
    const deal = createDeal(ctx, account, {
      type: spec.type,
      stage: "NEGOTIATION",
      close: day,
      amount: spec.amountCents,
      term,
      products,
    });
    deal.row.ownerId = ctx.aeIdByEmail.get(spec.aeEmail) ?? deal.row.ownerId;
    deal.row.contractStart = isNew ? day : addMonthsUtc(expansionAccount.renewalDate, -term);

    let csm: DemoCsm | null = isNew ? null : expansionAccount.csm;
    let suggested: DemoCsm | null = null;
    if (isNew) {
      const fixed = spec.csmEmail ? (csms.find((entry) => entry.email === spec.csmEmail) ?? null) : null;
      // A finished handoff needs a CSM even if every book is full: then the one with the most room takes it.
      const roomiest = csms
        .filter((entry) => entry.tier === account.segment)
        .sort((a, b) => b.maxArrCents - b.arrCents - (a.maxArrCents - a.arrCents))[0] ?? null;
      const fit = fixed ?? fittingCsm(csms, account, products, spec.amountCents) ?? (spec.state === "completed" || spec.state === "acknowledged" ? roomiest : null);
      if (spec.state === "completed" || spec.state === "acknowledged") csm = fit;
      else suggested = fit;
      if (csm) {
        csm.accounts += 1;
        csm.arrCents += spec.amountCents;
      }
    }
    return {
      key: spec.key,
      state: spec.state,
      rating: spec.rating ?? null,
      account,
      newContacts: isNew ? contactRows(rng, account) : null,
      deal,
      at,
      csm,
      suggested,
    };
  });
}
