import ical, { ICalCalendarMethod } from "ical-generator";

// Calendars Baton hands out: the CSM's touchpoints (a subscribable feed and a per-account download) as
// all-day events, and the handoff call as a timed invitation. Touchpoint dates are calendar days (UTC-midnight
// Dates); ical-generator writes an all-day date as that UTC day, so no time zone can shift it.

const PROD_ID = { company: "Baton", product: "Baton", language: "EN" } as const;

export interface CalendarDay {
  /** Stable per touchpoint, so a calendar app updates the event instead of duplicating it. */
  uid: string;
  date: Date;
  /** A touchpoint held as a meeting at a set time (the handoff call): a timed event instead of an all-day one. */
  timed?: { startsAt: Date; durationMinutes: number };
  summary: string;
  description?: string;
  url?: string;
}

export function touchpointCalendar(name: string, days: readonly CalendarDay[], stamp: Date = new Date()): string {
  const calendar = ical({ name, prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH });
  for (const day of days) {
    calendar.createEvent({
      id: day.uid,
      ...(day.timed
        ? { start: day.timed.startsAt, end: new Date(day.timed.startsAt.getTime() + day.timed.durationMinutes * 60_000) }
        : { start: day.date, allDay: true }),
      summary: day.summary,
      description: day.description ?? null,
      url: day.url ?? null,
      stamp,
    });
  }
  return calendar.toString();
}

export interface Person {
  name: string;
  email: string;
}

export interface MeetingInvite {
  uid: string;
  /** Raised each time the meeting moves, so calendar apps update the event instead of adding one. */
  sequence?: number;
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  organizer: Person;
  attendees: readonly Person[];
}

/** A REQUEST invitation: mail clients show accept / decline and add it to the attendees' calendars. */
export function meetingInvite(invite: MeetingInvite, stamp: Date = new Date()): string {
  const calendar = ical({ prodId: PROD_ID, method: ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence ?? 0,
    start: invite.startsAt,
    end: new Date(invite.startsAt.getTime() + invite.durationMinutes * 60_000),
    summary: invite.summary,
    description: invite.description,
    organizer: { name: invite.organizer.name, email: invite.organizer.email },
    attendees: invite.attendees.map((person) => ({ name: person.name, email: person.email, rsvp: true })),
    stamp,
  });
  return calendar.toString();
}
