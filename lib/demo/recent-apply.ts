import { businessDayOnOrAfter } from "@/lib/touchpoints/schedule";
import { companyToday } from "@/lib/calendar/company-day";
import { atLocalTime } from "@/lib/zoned-time";
import { addDays, addMonthsUtc, toIsoDate } from "@/lib/dates";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { addBusinessHours } from "@/lib/business-hours";
import { systemActor } from "@/lib/server/actor";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { CLIENT_INTRODUCTION_TEMPLATE, renderTemplate } from "@/lib/demo/email-template";
import type { DemoPlan } from "@/lib/demo/generate";
import { checklistFor } from "@/lib/demo/handoffs";
import type { Rng } from "@/lib/demo/random";
import { businessDaysBefore, type RecentPlan } from "@/lib/demo/recent";
import { onboardingTouchpoints } from "@/lib/demo/touchpoints";

// Closes this week's deals through the one closed-won flow, then moves each handoff to the state the demo
// needs. What the flow already created (renewal opportunity, assignment, movements, touchpoints — as the
// flow grows) is kept; only what is missing is added.

export interface RecentOutcome {
  plan: RecentPlan;
  handoffId: string;
  dueAt: Date;
  completedAt: Date | null;
  decidedAt: Date | null;
  /** For a suggestion waiting for review: the suggested CSM's name, or null when nobody is eligible. */
  suggestedCsmName?: string | null;
}

const calendar = DEFAULT_SETTINGS.calendar;

export async function closeRecentDeals(prisma: PrismaClient, plan: DemoPlan, rng: Rng): Promise<RecentOutcome[]> {
  const outcomes: RecentOutcome[] = [];
  const ordered = [...plan.recent].sort((a, b) => a.at.getTime() - b.at.getTime());
  const managerId = plan.users.find((user) => user.email === "manager@baton.test")?.id ?? null;
  for (const recent of ordered) {
    const { handoffId } = await prisma.$transaction((tx) =>
      closeDealWon(systemActor("seed"), recent.deal.row.id, { at: recent.at, tx }),
    );
    if (!handoffId) throw new Error(`The demo's recent deal ${recent.deal.row.externalId} opened no handoff`);
    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId }, select: { dueAt: true } });
    await ensureRenewal(prisma, recent);
    outcomes.push(await applyState(prisma, plan, recent, { id: handoffId, dueAt: handoff.dueAt }, managerId, rng));
  }
  return outcomes;
}

async function ensureRenewal(prisma: PrismaClient, recent: RecentPlan): Promise<void> {
  const deal = recent.deal.row;
  const existing = await prisma.renewalOpportunity.findUnique({ where: { originalDealId: deal.id }, select: { id: true } });
  if (existing) return;
  const start = (deal.contractStart as Date | null) ?? deal.closeDate;
  const renewalDate = addMonthsUtc(start, deal.termMonths);
  await prisma.renewalOpportunity.create({
    data: {
      accountId: deal.accountId,
      originalDealId: deal.id,
      name: `${recent.account.name} — Renewal ${renewalDate.getUTCFullYear()}${deal.type === "EXPANSION" ? " (expansion)" : ""}`,
      amountCents: deal.amountCents,
      renewalDate,
      originalCloseDate: deal.closeDate,
      contractTermMonths: deal.termMonths,
      createdAt: recent.at,
      products: { create: recent.deal.products.map((product) => ({ productId: product.id })) },
    },
  });
}

async function applyState(
  prisma: PrismaClient,
  plan: DemoPlan,
  recent: RecentPlan,
  handoff: { id: string; dueAt: Date },
  managerId: string | null,
  rng: Rng,
): Promise<RecentOutcome> {
  const { state, deal, account, at } = recent;
  const aeId = deal.row.ownerId;
  const ae = plan.users.find((user) => user.id === aeId);
  const contacts = recent.newContacts ?? plan.contacts.filter((contact) => contact.accountId === account.id);
  const later = (hours: number) => addBusinessHours(at, hours, calendar);
  const done = state === "completed" || state === "acknowledged";
  const yesterday = addDays(plan.today, -1);
  const recentDays = businessDaysBefore(plan.today, 4, calendar);
  const completedAt = done ? completionTime(recentDays, at) : null;
  const decidedAt = done ? later(2) : null;

  const level = state === "in_progress_empty" ? "empty" : state === "in_progress_partial" || state === "overdue" ? "partial" : "complete";
  const data: Prisma.HandoffUpdateInput = { checklist: checklistFor(rng, deal, contacts, level), version: level === "empty" ? 1 : level === "partial" ? 3 : 7 };
  if (state === "submitted_pending") Object.assign(data, { status: "SUBMITTED", submittedAt: later(3) });
  if (completedAt) {
    Object.assign(data, { status: "COMPLETED", submittedAt: later(3), completedAt, completedWithinSla: completedAt <= handoff.dueAt });
  }
  if (state === "acknowledged" && completedAt && recent.csm) {
    Object.assign(data, {
      status: "ACKNOWLEDGED",
      acknowledgedAt: atLocalTime(recentDays[0] ?? yesterday, 15, 20, calendar.timezone),
      acknowledgedById: recent.csm.id,
      rating: recent.rating ?? 5,
      ratingComment: recent.rating === 5 ? "Clear success criteria and a warm introduction — great start." : "Good context; the stakeholder list needed one update.",
    });
  }
  await prisma.handoff.update({ where: { id: handoff.id }, data });

  // Policy steps: a strategic account needs the meeting before submit; a finished handoff has all four.
  const stepTimes: Partial<Record<Prisma.HandoffPolicyStepCreateManyInput["step"], Date>> = {};
  if (state === "in_progress_partial" && account.strategic) stepTimes.HANDOFF_MEETING = later(1.5);
  if (state === "submitted_pending") Object.assign(stepTimes, { HANDOFF_MEETING: later(1.5), DOCUMENTATION_TRANSFER: later(2.5) });
  if (completedAt) {
    Object.assign(stepTimes, {
      HANDOFF_MEETING: later(1.5),
      DOCUMENTATION_TRANSFER: later(2.5),
      CLIENT_INTRODUCTION: new Date(completedAt.getTime() - 3 * 3_600_000),
      ACCOUNT_SETUP: completedAt,
    });
  }
  for (const [step, when] of Object.entries(stepTimes)) {
    await prisma.handoffPolicyStep.updateMany({
      where: { handoffId: handoff.id, step: step as Prisma.HandoffPolicyStepCreateManyInput["step"] },
      data: { completedAt: when, completedById: step === "ACCOUNT_SETUP" ? managerId : aeId },
    });
  }
  if (stepTimes.HANDOFF_MEETING && ae) {
    await prisma.meeting.create({
      data: {
        kind: "HANDOFF_MEETING", accountId: account.id, dealId: deal.row.id, handoffId: handoff.id, startsAt: stepTimes.HANDOFF_MEETING,
        durationMinutes: 30, attendeeEmails: [ae.email, "manager@baton.test"], createdById: aeId,
        notes: "Walked through history, pain points and the agreed ROI metrics.",
      },
    });
  }

  const suggestedCsmName = deal.row.type === "NEW" ? await settleAssignment(prisma, recent, handoff.id, managerId, decidedAt, at) : undefined;
  if (recent.csm && completedAt && decidedAt && ae) {
    await finishOnboarding(prisma, plan, recent, { handoffId: handoff.id, ae, contacts, introAt: stepTimes.CLIENT_INTRODUCTION ?? completedAt, decidedAt, rng });
  }
  return { plan: recent, handoffId: handoff.id, dueAt: handoff.dueAt, completedAt, decidedAt, suggestedCsmName };
}

/**
 * When a finished handoff was completed: two business days after the close, at the latest on the last
 * business day before today — mid-morning then, so the CSM can still acknowledge it that afternoon.
 */
function completionTime(recentDays: readonly Date[], at: Date): Date {
  const closed = toIsoDate(companyToday(at, calendar.timezone));
  const closedBack = recentDays.findIndex((day) => toIsoDate(day) === closed) + 1;
  const back = Math.max(1, closedBack - 2);
  const day = recentDays[back - 1] ?? companyToday(at, calendar.timezone);
  return atLocalTime(day, back > 1 ? 16 : 10, 40, calendar.timezone);
}

async function settleAssignment(
  prisma: PrismaClient,
  recent: RecentPlan,
  handoffId: string,
  managerId: string | null,
  decidedAt: Date | null,
  at: Date,
): Promise<string | null | undefined> {
  const existing = await prisma.csmAssignment.findFirst({ where: { handoffId }, select: { id: true, suggestedCsmId: true } });
  if (recent.csm && decidedAt) {
    const suggested = existing?.suggestedCsmId ?? recent.csm.id;
    const decision = {
      status: suggested === recent.csm.id ? ("APPROVED" as const) : ("OVERRIDDEN" as const),
      chosenCsmId: recent.csm.id,
      decidedById: managerId,
      decidedAt,
      effectiveDate: companyToday(decidedAt, calendar.timezone),
      reason: suggested === recent.csm.id ? null : "Existing relationship with the champion",
    };
    if (existing) await prisma.csmAssignment.update({ where: { id: existing.id }, data: decision });
    else await prisma.csmAssignment.create({ data: { accountId: recent.account.id, handoffId, suggestedCsmId: suggested, createdAt: at, ...decision } });
    return undefined;
  }
  // Waiting for the CS manager: the real engine's suggestion, with every breakdown and excluded CSM.
  if (existing || !recent.suggested) return undefined;
  const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId, now: at }));
  const made = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { suggestedCsm: { select: { name: true } } } });
  return made.suggestedCsm?.name ?? null;
}

/** The CSM is on the account: introduction e-mail sent, project plan and onboarding touchpoints exist. */
async function finishOnboarding(
  prisma: PrismaClient,
  plan: DemoPlan,
  recent: RecentPlan,
  input: {
    handoffId: string;
    ae: { id: string; email: string; name: string };
    contacts: readonly Prisma.ContactCreateManyInput[];
    introAt: Date;
    decidedAt: Date;
    rng: Rng;
  },
): Promise<void> {
  const csm = recent.csm;
  if (!csm) return;
  const { account, deal } = recent;
  const isNew = deal.row.type === "NEW";
  const kickoff = businessDayOnOrAfter(addDays(deal.row.closeDate, DEFAULT_SETTINGS.timing.kickoffDaysAfterClose), calendar);
  if (isNew) {
    await prisma.account.update({
      where: { id: account.id },
      data: { csmId: csm.id, csmAssignedAt: companyToday(input.decidedAt, calendar.timezone), healthScore: 82, usagePct: 4.5 },
    });
  }
  const champion = input.contacts.find((contact) => contact.role === "CHAMPION") ?? input.contacts[0];
  const values = {
    "account.name": account.name,
    "contact.firstName": champion?.name.split(" ")[0] ?? "there",
    "csm.name": csm.name,
    "csm.email": csm.email,
    "ae.name": input.ae.name,
    "kickoff.date": toIsoDate(kickoff),
  };
  await prisma.emailMessage.create({
    data: {
      kind: "CLIENT_INTRODUCTION", accountId: account.id, handoffId: input.handoffId, sentById: input.ae.id, fromEmail: input.ae.email,
      toEmails: champion ? [champion.email] : [], ccEmails: [csm.email], sentAt: input.introAt, createdAt: input.introAt,
      subject: renderTemplate(CLIENT_INTRODUCTION_TEMPLATE.subject, values),
      body: renderTemplate(CLIENT_INTRODUCTION_TEMPLATE.body, values),
    },
  });
  const timing = DEFAULT_SETTINGS.timing;
  const training = addDays(kickoff, timing.trainingDaysAfterKickoff);
  const milestones: Array<[string, Date, Date | null]> = [
    ["Environment provisioned", companyToday(input.introAt, calendar.timezone), input.introAt],
    ["Official kick-off", kickoff, null],
    ["Admin training", training, null],
    ["Go-live", addDays(training, timing.goLiveDaysAfterTraining), null],
  ];
  await prisma.projectMilestone.createMany({
    data: milestones.map(([name, dueDate, doneAt], position) => ({ accountId: account.id, handoffId: input.handoffId, name, dueDate, doneAt, position })),
  });
  await prisma.meeting.create({
    data: {
      kind: "KICKOFF", accountId: account.id, dealId: deal.row.id, handoffId: input.handoffId, startsAt: atLocalTime(kickoff, 11, 0, calendar.timezone),
      durationMinutes: 60, attendeeEmails: [csm.email, input.ae.email, ...(champion ? [champion.email] : [])], createdById: csm.id,
      notes: "Official kick-off: goals, success criteria, project plan.",
    },
  });
  if (!isNew) return;
  const ctx = { rng: input.rng, today: plan.today, timing, workingCalendar: calendar, timezone: calendar.timezone };
  await prisma.touchpoint.createMany({ data: onboardingTouchpoints(ctx, deal, csm.id, 0), skipDuplicates: true });
}
