import type { BusinessCalendar } from "@/lib/business-hours";
import { addDays, daysBetween, toIsoDate } from "@/lib/dates";
import type { TouchpointType } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/schema";

// The seed's timing rules (000 Step 7 and "Handoff Timing Rules") turned into calendar dates. All dates are
// calendar days carried as UTC-midnight Dates; the weekday is read with getUTCDay, never in a local zone.
// The handoff call is not here: it is a 30-minute meeting booked with both calendars by another module.

export type ScheduledTouchpointType = Exclude<TouchpointType, "HANDOFF_CALL">;
export type TouchpointOwner = "CSM" | "CSM_AND_AE";
export type WorkingCalendar = Pick<BusinessCalendar, "workingDays" | "holidays">;

export interface ScheduledTouchpoint {
  type: ScheduledTouchpointType;
  /** The date the rule gives before any weekend/holiday shift (chained ones count from the shifted predecessor). */
  ruleDate: Date;
  /** The business day it is actually scheduled on. */
  dueDate: Date;
  /** Pulled forward to "as soon as possible" because the rule put it at or before the close (or today). */
  asap: boolean;
  aeInvited: boolean;
  owner: TouchpointOwner;
}

export interface ScheduleInput {
  closeDate: Date;
  renewalDate: Date;
  timing: Settings["timing"];
  calendar: WorkingCalendar;
  /** Defaults to the close date: on closed-won day the two are the same. */
  today?: Date;
  /** When the contract starts (default the close date): the term is counted from it. */
  contractStart?: Date | null;
}

// Under this many days of contract, the renewal-side touchpoints may share a day.
const SHORT_TERM_DAYS = 30;

// Ten years: far beyond any rule, and a guard against a calendar with no working day at all.
const MAX_DAYS_WALKED = 3_650;

export function isBusinessDay(date: Date, calendar: WorkingCalendar): boolean {
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  return calendar.workingDays.includes(isoWeekday) && !calendar.holidays.includes(toIsoDate(date));
}

function walkToBusinessDay(date: Date, step: 1 | -1, calendar: WorkingCalendar): Date {
  let cursor = date;
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
    if (isBusinessDay(cursor, calendar)) return cursor;
    cursor = addDays(cursor, step);
  }
  throw new Error("The business calendar has no working day; check the calendar settings.");
}

/** The date itself when it is a business day, else the next one (Saturday → Monday). */
export function businessDayOnOrAfter(date: Date, calendar: WorkingCalendar): Date {
  return walkToBusinessDay(date, 1, calendar);
}

/** The date itself when it is a business day, else the previous one (Saturday → Friday). */
export function businessDayOnOrBefore(date: Date, calendar: WorkingCalendar): Date {
  return walkToBusinessDay(date, -1, calendar);
}

export function scheduleTouchpoints(input: ScheduleInput): ScheduledTouchpoint[] {
  const { closeDate, renewalDate, timing, calendar } = input;

  // Close-side dates move FORWARD off a weekend or holiday: a kickoff cannot happen before the deal exists,
  // and a day late is harmless.
  const afterClose = (type: ScheduledTouchpointType, from: Date, days: number): ScheduledTouchpoint => {
    const ruleDate = addDays(from, days);
    const dueDate = businessDayOnOrAfter(ruleDate, calendar);
    const aeInvited = type === "QBR"; // Guardrail: include the AE (sales rep) in the first QBR.
    return { type, ruleDate, dueDate, asap: false, aeInvited, owner: aeInvited ? "CSM_AND_AE" : "CSM" };
  };

  const kickoff = afterClose("KICKOFF", closeDate, timing.kickoffDaysAfterClose);
  // Training and go-live chain from the SHIFTED predecessor: the shifted date is when the kickoff (then the
  // training) actually happens, and the next step's 7 or 14 days are counted from that meeting. Counting from
  // the unshifted date could put training less than 7 days after a kickoff that slipped over a weekend.
  const training = afterClose("TRAINING", kickoff.dueDate, timing.trainingDaysAfterKickoff);
  const goLive = afterClose("GO_LIVE", training.dueDate, timing.goLiveDaysAfterTraining);

  // Renewal-side dates move BACKWARD: they are deadlines before the renewal, so slipping later would eat
  // into the time the renewal needs. On a short contract the rule can land at or before the close (a
  // 3-month term: renewal − 90 days is before the deal closed), or at or before today for a deal recorded
  // late. Such a touchpoint is held as soon as possible: the first business day after the later of the
  // close and today, flagged asap. Each one is then kept on a later business day than the one before it
  // (planning < call < close), so the three never pile onto one day — unless the contract runs under 30
  // days, too short for three separate days to mean anything, where they may share one. None goes past the
  // last business day on or before the renewal date.
  const floor = input.today && input.today.getTime() > closeDate.getTime() ? input.today : closeDate;
  const asapDate = businessDayOnOrAfter(addDays(floor, 1), calendar);
  const termDays = daysBetween(input.contractStart ?? closeDate, renewalDate);
  const mayShareDay = termDays < SHORT_TERM_DAYS;
  const lastDay = businessDayOnOrBefore(renewalDate, calendar);
  let previous: Date | null = null;
  const beforeRenewal = (type: ScheduledTouchpointType, days: number): ScheduledTouchpoint => {
    const ruleDate = addDays(renewalDate, -days);
    const shifted = businessDayOnOrBefore(ruleDate, calendar);
    const asap = shifted.getTime() <= floor.getTime();
    let dueDate = asap ? asapDate : shifted;
    if (!mayShareDay && previous && dueDate.getTime() <= previous.getTime()) dueDate = businessDayOnOrAfter(addDays(previous, 1), calendar);
    if (dueDate.getTime() > lastDay.getTime() && lastDay.getTime() > floor.getTime()) dueDate = lastDay;
    previous = dueDate;
    return { type, ruleDate, dueDate, asap, aeInvited: false, owner: "CSM" };
  };

  // Onboarding is for the contract it belongs to: a step that would fall on or after the renewal date (a QBR
  // on a 2-month contract) is not planned; the renewal conversation takes its place.
  const onboarding = [
    kickoff,
    training,
    goLive,
    afterClose("CHECK_IN", closeDate, timing.checkInDaysAfterClose),
    afterClose("HEALTH_CHECK", closeDate, timing.healthCheckDaysAfterClose),
    afterClose("QBR", closeDate, timing.qbrDaysAfterClose),
  ].filter((touchpoint) => touchpoint.dueDate.getTime() < renewalDate.getTime());

  // Listed in the rule order of the seed, not by date: callers find a touchpoint by type, display sorts.
  return [
    ...onboarding,
    beforeRenewal("RENEWAL_PLANNING", timing.renewalPlanningDaysBefore),
    beforeRenewal("RENEWAL_CALL", timing.renewalCallDaysBefore),
    beforeRenewal("RENEWAL_CLOSE", timing.renewalCloseDaysBefore),
  ];
}

/**
 * Training and go-live from the AE's implementation timeline, when one was given: go-live on the entered date
 * (the next business day if it is not one), training the timing rule's days before it (the previous business
 * day off a weekend) — but never before the kickoff; when the two are too close, training is the first
 * business day after the kickoff (or the go-live day itself if nothing fits between).
 */
export function implementationDates(input: { kickoff: Date; goLive: Date; timing: Settings["timing"]; calendar: WorkingCalendar }): {
  training: { ruleDate: Date; dueDate: Date };
  goLive: { ruleDate: Date; dueDate: Date };
} {
  const goLiveDue = businessDayOnOrAfter(input.goLive, input.calendar);
  const trainingRule = addDays(goLiveDue, -input.timing.goLiveDaysAfterTraining);
  let trainingDue = businessDayOnOrBefore(trainingRule, input.calendar);
  if (trainingDue.getTime() <= input.kickoff.getTime()) trainingDue = businessDayOnOrAfter(addDays(input.kickoff, 1), input.calendar);
  if (trainingDue.getTime() > goLiveDue.getTime()) trainingDue = goLiveDue;
  return { training: { ruleDate: trainingRule, dueDate: trainingDue }, goLive: { ruleDate: input.goLive, dueDate: goLiveDue } };
}

/**
 * Which renewal alerts (90/60/30 days by default) are due today or overdue: an alert of N days is due once
 * the renewal is N days away or closer. Returned largest first. The job sends the most urgent due one, once
 * (lib/server/jobs/handlers/renewal-alerts.ts), so a renewal first seen at 45 days gets its 60-day alert
 * instead of silently skipping the window — and not a 90- and a 60-day alert at the same moment.
 */
export function renewalAlertDue(renewalDate: Date, today: Date, alertDays: readonly number[]): number[] {
  const daysAway = daysBetween(today, renewalDate);
  return [...new Set(alertDays)].filter((days) => daysAway <= days).sort((a, b) => b - a);
}
