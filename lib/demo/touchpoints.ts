import { businessDayOnOrAfter, businessDayOnOrBefore, type WorkingCalendar } from "@/lib/touchpoints/schedule";
import { atLocalTime } from "@/lib/zoned-time";
import { addDays, daysBetween, minDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TouchpointType } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/schema";
import type { DealRecord, RenewalRecord } from "@/lib/demo/history";
import type { Rng } from "@/lib/demo/random";

// The CSM's calendar around today: onboarding touchpoints of recent new customers and the renewal-side
// touchpoints of renewals coming up, dated by the timing rules. Past ones are mostly done, a few overdue.

export interface TouchpointContext {
  rng: Rng;
  today: Date;
  timing: Settings["timing"];
  workingCalendar: WorkingCalendar;
  timezone: string;
}

type Row = Prisma.TouchpointCreateManyInput & { dueDate: Date };

const NOTES: Partial<Record<TouchpointType, readonly string[]>> = {
  KICKOFF: ["Kick-off held with champion and IT lead; project plan shared.", "Agreed success criteria and weekly cadence."],
  TRAINING: ["Admin training for 6 users; recording shared.", "Trained the pilot team."],
  GO_LIVE: ["Live in production; first workflows running.", "Go-live confirmed, hypercare for two weeks."],
  CHECK_IN: ["Adoption on track.", "Raised a question on SSO; resolved."],
  HEALTH_CHECK: ["Health green; usage above plan.", "Usage below plan in one team; follow-up booked."],
  QBR: ["QBR with the AE; expansion interest in analytics."],
  RENEWAL_PLANNING: ["Renewal plan drafted; no blockers known.", "Champion confirmed budget for next year."],
  RENEWAL_CALL: ["Commercials discussed; procurement involved."],
};

function finish(ctx: TouchpointContext, row: Row, overdueChance: number): Row {
  const { rng, today } = ctx;
  if (daysBetween(row.dueDate, today) <= 0 || rng.chance(overdueChance)) return row;
  const doneDay = addDays(row.dueDate, rng.weighted([[0, 70], [1, 20], [2, 10]] as const));
  const completedAt = atLocalTime(daysBetween(doneDay, today) > 0 ? doneDay : row.dueDate, rng.int(9, 16), rng.int(0, 59), ctx.timezone);
  const notes = NOTES[row.type];
  return { ...row, status: "DONE", completedAt, notes: notes ? rng.pick(notes) : "" };
}

/** Kick-off, training, go-live, check-in, health check and first QBR of a new customer's deal. */
export function onboardingTouchpoints(ctx: TouchpointContext, deal: DealRecord, ownerId: string, overdueChance: number): Row[] {
  const close = deal.row.closeDate;
  const t = ctx.timing;
  const kickoff = addDays(close, t.kickoffDaysAfterClose);
  const training = addDays(kickoff, t.trainingDaysAfterKickoff);
  const plan: Array<[TouchpointType, Date]> = [
    ["KICKOFF", kickoff],
    ["TRAINING", training],
    ["GO_LIVE", addDays(training, t.goLiveDaysAfterTraining)],
    ["CHECK_IN", addDays(close, t.checkInDaysAfterClose)],
    ["HEALTH_CHECK", addDays(close, t.healthCheckDaysAfterClose)],
    ["QBR", addDays(close, t.qbrDaysAfterClose)],
  ];
  return plan.map(([type, ruleDate]) =>
    finish(
      ctx,
      {
        id: ctx.rng.id(),
        accountId: deal.row.accountId,
        sourceDealId: deal.row.id,
        type,
        ruleDate,
        dueDate: businessDayOnOrAfter(ruleDate, ctx.workingCalendar),
        aeInvited: type === "QBR",
        ownerId,
        status: "PLANNED",
        createdAt: (deal.row.closedWonAt as Date | null) ?? close,
      },
      overdueChance,
    ),
  );
}

/** Renewal planning, renewal call and renewal close before an open renewal. */
export function renewalTouchpoints(ctx: TouchpointContext, renewal: RenewalRecord, ownerId: string, overdueChance: number): Row[] {
  const date = renewal.row.renewalDate;
  const t = ctx.timing;
  const plan: Array<[TouchpointType, Date]> = [
    ["RENEWAL_PLANNING", addDays(date, -t.renewalPlanningDaysBefore)],
    ["RENEWAL_CALL", addDays(date, -t.renewalCallDaysBefore)],
    ["RENEWAL_CLOSE", addDays(date, -t.renewalCloseDaysBefore)],
  ];
  return plan.map(([type, ruleDate]) =>
    finish(
      ctx,
      {
        id: ctx.rng.id(),
        accountId: renewal.row.accountId,
        sourceDealId: renewal.row.originalDealId,
        renewalOpportunityId: renewal.row.id,
        type,
        ruleDate,
        dueDate: businessDayOnOrBefore(ruleDate, ctx.workingCalendar),
        ownerId,
        status: "PLANNED",
        createdAt: atLocalTime(minDate(addDays(date, -t.renewalPlanningDaysBefore - 1), addDays(ctx.today, -1)), 6, 0, ctx.timezone),
      },
      overdueChance,
    ),
  );
}
