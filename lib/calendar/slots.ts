import { TZDate } from "@date-fns/tz";

// Meeting times that fit both people (the seed's `suggestedTimes: getAvailability([AE, CSM])`): the next free
// slots inside every attendee's working hours, in each one's own time zone, clear of what they already have.
// Pure: the busy times come in as instants (Baton meetings, touchpoints, a free/busy feed).

export interface Interval {
  start: Date;
  end: Date;
}

export interface Attendee {
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Local dates, YYYY-MM-DD, with no working hours. */
  holidays: readonly string[];
  /** HH:MM local. */
  workdayStart: string;
  workdayEnd: string;
  busy: readonly Interval[];
}

export interface SlotQuery {
  attendees: readonly Attendee[];
  /** Nothing starts before this instant. */
  from: Date;
  durationMinutes: number;
  count: number;
  /** Slots start on this grid, counted from the hour (default 30 minutes: :00 and :30). */
  stepMinutes?: number;
  /** How far ahead to look (default 21 days). */
  horizonDays?: number;
}

const MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** Whether [start, start + duration) lies inside one working day of the attendee, in their own zone. */
function inWorkingHours(attendee: Attendee, start: Date, end: Date): boolean {
  const local = new TZDate(start.getTime(), attendee.timezone);
  const weekday = local.getDay() === 0 ? 7 : local.getDay();
  const date = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  if (!attendee.workingDays.includes(weekday) || attendee.holidays.includes(date)) return false;
  const dayStart = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, attendee.timezone).getTime();
  // Wall-clock minutes, so a daylight-saving day still opens at 09:00 local.
  const open = new TZDate(dayStart + 0, attendee.timezone);
  open.setHours(0, minutesOf(attendee.workdayStart), 0, 0);
  const close = new TZDate(dayStart + 0, attendee.timezone);
  close.setHours(0, minutesOf(attendee.workdayEnd), 0, 0);
  return start.getTime() >= open.getTime() && end.getTime() <= close.getTime();
}

function free(attendee: Attendee, start: Date, end: Date): boolean {
  return !attendee.busy.some((busy) => busy.start.getTime() < end.getTime() && busy.end.getTime() > start.getTime());
}

/** The next `count` starts where every attendee is inside working hours and free for the whole duration. */
export function findFreeSlots(query: SlotQuery): Date[] {
  const step = (query.stepMinutes ?? 30) * MINUTE;
  const duration = query.durationMinutes * MINUTE;
  const horizon = query.from.getTime() + (query.horizonDays ?? 21) * 86_400_000;
  const slots: Date[] = [];
  // The first grid point at or after `from` (the grid is UTC-aligned; every zone's :00 and :30 lie on it
  // except the rare :45 offsets, which then get :15 and :45).
  let cursor = Math.ceil(query.from.getTime() / step) * step;
  for (; cursor + duration <= horizon && slots.length < query.count; cursor += step) {
    const start = new Date(cursor);
    const end = new Date(cursor + duration);
    if (query.attendees.every((attendee) => inWorkingHours(attendee, start, end) && free(attendee, start, end))) slots.push(start);
  }
  return slots;
}

/**
 * Touchpoints have a day but no time. Each one a person owns reserves an hour of that working day, from the
 * start of their workday, one after the other — so a day full of customer calls offers no slot, and a day
 * with one leaves the rest free.
 */
export function touchpointBusy(attendee: Pick<Attendee, "timezone" | "workdayStart">, days: readonly Date[], minutesEach = 60): Interval[] {
  const perDay = new Map<string, number>();
  const busy: Interval[] = [];
  for (const day of days) {
    const key = day.toISOString().slice(0, 10);
    const index = perDay.get(key) ?? 0;
    perDay.set(key, index + 1);
    const [y, m, d] = key.split("-").map(Number);
    const start = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, 0, minutesOf(attendee.workdayStart) + index * minutesEach, attendee.timezone);
    busy.push({ start: new Date(start.getTime()), end: new Date(start.getTime() + minutesEach * MINUTE) });
  }
  return busy;
}
