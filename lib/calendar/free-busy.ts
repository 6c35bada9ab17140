import ICAL from "ical.js";
import { TZDate } from "@date-fns/tz";
import type { Interval } from "@/lib/calendar/slots";

// A person's free/busy calendar feed (an iCalendar URL from their calendar app) read into busy intervals:
// events (recurring ones expanded) that are not cancelled or marked free, and VFREEBUSY periods. Parsing is
// ical.js's; this only decides what counts as busy.

const MAX_OCCURRENCES = 2_000;

function toInstant(time: ICAL.Time, fallbackZone: string): Date {
  // A floating time (no zone) is the person's own wall clock; an all-day date is their whole day.
  if (time.isDate || time.zone === ICAL.Timezone.localTimezone || !time.zone) {
    return new Date(new TZDate(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, fallbackZone).getTime());
  }
  return time.toJSDate();
}

export function parseBusyIntervals(ics: string, window: Interval, personTimezone: string): Interval[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const busy: Interval[] = [];
  const keep = (start: Date, end: Date) => {
    if (end.getTime() > window.start.getTime() && start.getTime() < window.end.getTime() && end.getTime() > start.getTime()) busy.push({ start, end });
  };

  for (const component of root.getAllSubcomponents("vevent")) {
    const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
    const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
    if (status === "CANCELLED" || transparency === "TRANSPARENT") continue;
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    if (!event.isRecurring()) {
      keep(toInstant(event.startDate, personTimezone), toInstant(event.endDate, personTimezone));
      continue;
    }
    const iterator = event.iterator();
    for (let n = 0, next = iterator.next(); next && n < MAX_OCCURRENCES; n++, next = iterator.next()) {
      const occurrence = event.getOccurrenceDetails(next);
      const start = toInstant(occurrence.startDate, personTimezone);
      if (start.getTime() >= window.end.getTime()) break;
      keep(start, toInstant(occurrence.endDate, personTimezone));
    }
  }

  for (const component of root.getAllSubcomponents("vfreebusy")) {
    for (const property of component.getAllProperties("freebusy")) {
      const type = String(property.getParameter("fbtype") ?? "BUSY").toUpperCase();
      if (type === "FREE") continue;
      for (const value of property.getValues() as ICAL.Period[]) {
        const start = value.start.toJSDate();
        const end = value.end ? value.end.toJSDate() : new Date(start.getTime() + (value.duration?.toSeconds() ?? 0) * 1000);
        keep(start, end);
      }
    }
  }
  return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
}
