import { companyToday } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PolicyStep } from "@/lib/generated/prisma/enums";
import { addBusinessHours, type BusinessCalendar } from "@/lib/business-hours";
import type { AccountPlan } from "@/lib/demo/accounts";
import { SUCCESS_CRITERIA } from "@/lib/demo/catalogue";
import type { DealRecord } from "@/lib/demo/history";
import type { Rng } from "@/lib/demo/random";

// Handoffs that happened before today: completed (mostly within the 72-hour rule) and acknowledged with
// a rating, so the SLA and satisfaction measures have a history to show.

export interface HandoffContext {
  rng: Rng;
  calendar: BusinessCalendar;
  now: Date;
  slaHours: number;
}

type ContactLike = Pick<Prisma.ContactCreateManyInput, "name" | "title" | "role" | "email" | "priority" | "notes">;

const METRICS: Record<string, { baseline: string; target: string }> = {
  "Cut monthly reporting time by 50%": { baseline: "16 hours a month", target: "8 hours a month" },
  "90% weekly active users within 60 days": { baseline: "0%", target: "90%" },
  "Single dashboard for leadership by end of quarter": { baseline: "4 spreadsheets", target: "1 dashboard" },
  "Retire the legacy tool before contract end": { baseline: "Legacy tool in use", target: "Retired" },
  "Reduce onboarding time for new hires to one week": { baseline: "3 weeks", target: "1 week" },
};

function dollars(cents: bigint | number): string {
  const value = BigInt(cents);
  return value % 100n === 0n ? String(value / 100n) : `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;
}

/** The wizard's answers in the shape of lib/handoff/checklist.ts. `level` says how far the AE got. */
export function checklistFor(
  rng: Rng,
  deal: DealRecord,
  contacts: readonly ContactLike[],
  level: "empty" | "partial" | "complete",
): Prisma.InputJsonObject {
  if (level === "empty") return {};
  const row = deal.row;
  const contractStart = toIsoDate((row.contractStart as Date | null) ?? row.closeDate);
  const goLive = toIsoDate(new Date(((row.contractStart as Date | null) ?? row.closeDate).getTime() + 60 * 86_400_000));
  const criteria = rng.sample(SUCCESS_CRITERIA, 2).map((metric) => ({ metric, ...(METRICS[metric] ?? { baseline: "today", target: "better" }), dueBy: goLive }));
  const partial: Prisma.InputJsonObject = {
    contract: { arr: dollars(row.amountCents as bigint), termMonths: row.termMonths, contractStart, productIds: deal.products.map((product) => product.id) },
    whyTheyBought: { winReason: String(row.winReason ?? ""), painPoints: (row.painPoints as string[]) ?? [] },
    successCriteria: { criteria },
  };
  if (level === "partial") return partial;
  const risks = (row.risks as string[]).length > 0 ? (row.risks as string[]) : ["Busy season may slow adoption"];
  return {
    ...partial,
    stakeholders: {
      contacts: contacts.map((contact) => ({
        name: contact.name,
        title: contact.title ?? "",
        role: contact.role,
        email: contact.email,
        priority: contact.priority ?? "MEDIUM",
        notes: contact.notes ?? "",
      })),
    },
    technicalRequirements: { requirements: row.technicalRequirements as string[], integrations: row.integrations as string[] },
    implementationTimeline: { start: contractStart, goLive, notes: String(row.implementationTimeline ?? "") },
    competitiveContext: { competitor: String(row.competitor ?? ""), notes: row.competitor ? `Evaluated ${row.competitor} in the final round.` : "" },
    riskFactors: { risks: risks.map((description) => ({ description, severity: rng.pick(["LOW", "MEDIUM", "HIGH"] as const), mitigation: "Review at kickoff and track in the project plan" })) },
  };
}

const RATING_COMMENTS: Record<number, readonly string[]> = {
  5: ["Excellent context, kickoff went smoothly.", "Everything I needed was in the handoff.", ""],
  4: ["Good handoff; stakeholder list needed one update.", "Solid — success criteria could be sharper.", ""],
  3: ["Missing technical details; had to chase the AE.", "Timeline was unclear.", ""],
};

export interface HistoricalHandoff {
  handoff: Prisma.HandoffCreateManyInput & { id: string };
  steps: Prisma.HandoffPolicyStepCreateManyInput[];
  assignment: Prisma.CsmAssignmentCreateManyInput | null;
  assignedOn: Date | null;
}

export function historicalHandoff(
  ctx: HandoffContext,
  input: {
    deal: DealRecord;
    account: AccountPlan;
    csmId: string | null;
    alternativeCsmId: string | null;
    managerId: string;
    contacts: readonly ContactLike[];
  },
): HistoricalHandoff {
  const { rng, calendar } = ctx;
  const { deal, csmId, managerId } = input;
  const startedAt = deal.row.closedWonAt as Date;
  const dueAt = addBusinessHours(startedAt, ctx.slaHours, calendar);
  const within = rng.chance(0.86);
  const hours = within ? rng.float(14, ctx.slaHours - 2) : rng.float(ctx.slaHours + 2, ctx.slaHours + 50);
  const at = (fraction: number) => addBusinessHours(startedAt, hours * fraction, calendar);
  const completedAt = at(1);
  const recent = ctx.now.getTime() - completedAt.getTime() < 60 * 86_400_000;
  const acknowledged = csmId !== null && !(recent && rng.chance(0.15));
  const acknowledgedAt = new Date(Math.min(completedAt.getTime() + rng.float(2, 40) * 3_600_000, ctx.now.getTime() - 3_600_000));
  const rating = rng.weighted([[5, 48], [4, 38], [3, 14]] as const);
  const handoffId = rng.id();
  const isNew = deal.row.type !== "EXPANSION";

  const stepTimes: Record<PolicyStep, Date> = {
    HANDOFF_MEETING: at(0.3),
    CLIENT_INTRODUCTION: at(0.6),
    DOCUMENTATION_TRANSFER: at(0.8),
    ACCOUNT_SETUP: completedAt,
  };
  const steps = Object.values(PolicyStep).map((step) => ({
    id: rng.id(),
    handoffId,
    step,
    completedAt: stepTimes[step],
    completedById: step === "ACCOUNT_SETUP" ? managerId : deal.row.ownerId,
    updatedAt: stepTimes[step],
  }));

  let assignment: Prisma.CsmAssignmentCreateManyInput | null = null;
  let assignedOn: Date | null = null;
  if (isNew && csmId) {
    const decidedAt = addBusinessHours(startedAt, rng.float(3, 30), calendar);
    const overridden = input.alternativeCsmId !== null && rng.chance(0.12);
    assignedOn = companyToday(decidedAt, calendar.timezone);
    assignment = {
      id: rng.id(),
      accountId: input.account.id,
      handoffId,
      status: overridden ? "OVERRIDDEN" : "APPROVED",
      suggestedCsmId: overridden ? input.alternativeCsmId : csmId,
      suggestedScore: Math.round(rng.float(165, 235) * 100) / 100,
      chosenCsmId: csmId,
      decidedById: managerId,
      decidedAt,
      reason: overridden ? rng.pick(["Existing relationship with the champion", "Better timezone coverage", "Balancing books after a departure"]) : null,
      effectiveDate: assignedOn,
      createdAt: startedAt,
    };
  }

  return {
    handoff: {
      id: handoffId,
      type: isNew ? "NEW_CUSTOMER" : "EXPANSION",
      status: acknowledged ? "ACKNOWLEDGED" : "COMPLETED",
      accountId: input.account.id,
      dealId: deal.row.id,
      checklist: checklistFor(rng, deal, input.contacts, "complete"),
      version: rng.int(4, 12),
      startedAt,
      dueAt,
      submittedAt: at(rng.float(0.55, 0.95)),
      completedAt,
      completedWithinSla: completedAt.getTime() <= dueAt.getTime(),
      acknowledgedAt: acknowledged ? acknowledgedAt : null,
      acknowledgedById: acknowledged ? csmId : null,
      rating: acknowledged ? rating : null,
      ratingComment: acknowledged ? rng.pick(RATING_COMMENTS[rating] ?? [""]) || null : null,
      createdAt: startedAt,
      updatedAt: acknowledged ? acknowledgedAt : completedAt,
    },
    steps,
    assignment,
    assignedOn,
  };
}
