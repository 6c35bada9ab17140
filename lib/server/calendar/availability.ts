import "server-only";
import type { Tx } from "@/lib/db";
import { findFreeSlots, touchpointBusy, type Attendee, type Interval } from "@/lib/calendar/slots";
import type { Settings } from "@/lib/settings/schema";

// What the slot finder needs to know about a person: their zone and workday (their profile, else the
// company's), and everything that makes them busy — Baton meetings they attend, touchpoints they own, and the
// busy times the worker read from their free/busy feed.

const LOOKAHEAD_DAYS = 21;

export async function attendeeFor(tx: Tx, userId: string, settings: Settings, window: Interval, ignoreMeetingId?: string): Promise<Attendee> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, timezone: true, workdayStart: true, workdayEnd: true, csmProfile: { select: { timezone: true } } },
  });
  const timezone = user.timezone ?? user.csmProfile?.timezone ?? settings.calendar.timezone;
  const workdayStart = user.workdayStart ?? settings.calendar.workdayStart;
  const workdayEnd = user.workdayEnd ?? settings.calendar.workdayEnd;
  const meetings = await tx.meeting.findMany({
    where: {
      attendeeEmails: { has: user.email },
      startsAt: { gte: new Date(window.start.getTime() - 86_400_000), lt: window.end },
      ...(ignoreMeetingId ? { id: { not: ignoreMeetingId } } : {}),
    },
    select: { startsAt: true, durationMinutes: true },
  });
  const touchpoints = await tx.touchpoint.findMany({
    where: { ownerId: userId, status: "PLANNED", type: { not: "HANDOFF_CALL" }, dueDate: { gte: new Date(window.start.getTime() - 86_400_000), lt: window.end } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: { dueDate: true },
  });
  const feed = await tx.busyInterval.findMany({ where: { userId, endsAt: { gt: window.start }, startsAt: { lt: window.end } }, select: { startsAt: true, endsAt: true } });
  return {
    timezone,
    workingDays: settings.calendar.workingDays,
    holidays: settings.calendar.holidays,
    workdayStart,
    workdayEnd,
    busy: [
      ...meetings.map((m) => ({ start: m.startsAt, end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000) })),
      ...touchpointBusy({ timezone, workdayStart }, touchpoints.map((t) => t.dueDate)),
      ...feed.map((b) => ({ start: b.startsAt, end: b.endsAt })),
    ],
  };
}

/** The next free slots for these people, starting no earlier than `from`. */
export async function freeSlotsFor(
  tx: Tx,
  input: { userIds: readonly string[]; from: Date; durationMinutes: number; count: number; settings: Settings; ignoreMeetingId?: string },
): Promise<Date[]> {
  const window = { start: input.from, end: new Date(input.from.getTime() + LOOKAHEAD_DAYS * 86_400_000) };
  const attendees: Attendee[] = [];
  // One after the other: a transaction is one connection.
  for (const userId of new Set(input.userIds)) attendees.push(await attendeeFor(tx, userId, input.settings, window, input.ignoreMeetingId));
  return findFreeSlots({ attendees, from: input.from, durationMinutes: input.durationMinutes, count: input.count, horizonDays: LOOKAHEAD_DAYS });
}
