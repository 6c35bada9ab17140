import { describe, expect, it } from "vitest";
import { findFreeSlots, touchpointBusy, type Attendee } from "@/lib/calendar/slots";
import { parseBusyIntervals } from "@/lib/calendar/free-busy";
import { parseIsoDate } from "@/lib/dates";

const weekdays = [1, 2, 3, 4, 5];
const person = (timezone: string, overrides: Partial<Attendee> = {}): Attendee => ({
  timezone,
  workingDays: weekdays,
  holidays: [],
  workdayStart: "09:00",
  workdayEnd: "17:00",
  busy: [],
  ...overrides,
});
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("findFreeSlots: both people's working hours, each in their own time zone", () => {
  it("New York and London overlap 09:00–12:00 New York (14:00–17:00 London)", () => {
    // Monday 2026-11-16, 08:00 New York.
    const slots = findFreeSlots({ attendees: [person("America/New_York"), person("Europe/London")], from: new Date("2026-11-16T13:00:00Z"), durationMinutes: 30, count: 7 });
    expect(iso(slots)).toEqual([
      "2026-11-16T14:00:00.000Z",
      "2026-11-16T14:30:00.000Z",
      "2026-11-16T15:00:00.000Z",
      "2026-11-16T15:30:00.000Z",
      "2026-11-16T16:00:00.000Z",
      "2026-11-16T16:30:00.000Z",
      // 17:00 London is the end of the overlap: next is Tuesday 09:00 New York.
      "2026-11-17T14:00:00.000Z",
    ]);
  });

  it("skips weekends and each person's holidays", () => {
    // Friday 2026-11-20 16:45 New York: nothing left that day; Monday is a holiday for the CSM in London.
    const slots = findFreeSlots({
      attendees: [person("America/New_York"), person("Europe/London", { holidays: ["2026-11-23"] })],
      from: new Date("2026-11-20T21:45:00Z"),
      durationMinutes: 30,
      count: 1,
    });
    expect(iso(slots)).toEqual(["2026-11-24T14:00:00.000Z"]);
  });

  it("follows daylight saving: the US moves on 2027-03-14, the UK on 2027-03-28", () => {
    const ny = person("America/New_York");
    const london = person("Europe/London");
    // Before the US change: 09:00 New York = 14:00 UTC. Between the two changes: 09:00 New York = 13:00 UTC and
    // London is only 4 hours ahead, so the overlap is 09:00–13:00 New York. After both: 13:00 UTC again.
    const first = (day: string) => iso(findFreeSlots({ attendees: [ny, london], from: new Date(`${day}T00:00:00Z`), durationMinutes: 30, count: 40 })).filter((s) => s.startsWith(day));
    expect(first("2027-03-12")[0]).toBe("2027-03-12T14:00:00.000Z");
    expect(first("2027-03-12").at(-1)).toBe("2027-03-12T16:30:00.000Z");
    expect(first("2027-03-15")[0]).toBe("2027-03-15T13:00:00.000Z");
    expect(first("2027-03-15").at(-1)).toBe("2027-03-15T16:30:00.000Z"); // 17:00 London = 16:30 + 30 min
    expect(first("2027-03-29")[0]).toBe("2027-03-29T13:00:00.000Z");
    expect(first("2027-03-29").at(-1)).toBe("2027-03-29T15:30:00.000Z"); // 17:00 BST = 16:00 UTC
  });

  it("never offers a slot that overlaps anyone's busy time, whole 30 minutes free", () => {
    const busy = [{ start: new Date("2026-11-16T14:00:00Z"), end: new Date("2026-11-16T15:10:00Z") }];
    const slots = findFreeSlots({ attendees: [person("America/New_York"), person("America/Chicago", { busy })], from: new Date("2026-11-16T14:00:00Z"), durationMinutes: 30, count: 2 });
    // Chicago opens 15:00 UTC, busy until 15:10: the first whole free half hour starts 15:30.
    expect(iso(slots)).toEqual(["2026-11-16T15:30:00.000Z", "2026-11-16T16:00:00.000Z"]);
  });

  it("counts touchpoints as an hour each from the start of the person's workday", () => {
    const busy = touchpointBusy(person("Europe/London"), [parseIsoDate("2026-11-17"), parseIsoDate("2026-11-17")]);
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ["2026-11-17T09:00:00.000Z", "2026-11-17T10:00:00.000Z"],
      ["2026-11-17T10:00:00.000Z", "2026-11-17T11:00:00.000Z"],
    ]);
  });
});

describe("parseBusyIntervals: a free/busy iCalendar feed", () => {
  const feed = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Test//EN",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "UID:standup@test",
    "DTSTAMP:20261101T000000Z",
    "DTSTART;TZID=Europe/Berlin:20261116T100000",
    "DTEND;TZID=Europe/Berlin:20261116T103000",
    "RRULE:FREQ=DAILY;COUNT=3",
    "SUMMARY:Stand-up",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:free@test",
    "DTSTAMP:20261101T000000Z",
    "DTSTART:20261116T120000Z",
    "DTEND:20261116T130000Z",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:cancelled@test",
    "DTSTAMP:20261101T000000Z",
    "DTSTART:20261116T140000Z",
    "DTEND:20261116T150000Z",
    "STATUS:CANCELLED",
    "END:VEVENT",
    "BEGIN:VFREEBUSY",
    "UID:fb@test",
    "DTSTAMP:20261101T000000Z",
    "FREEBUSY:20261118T150000Z/20261118T160000Z",
    "FREEBUSY;FBTYPE=FREE:20261118T170000Z/PT1H",
    "END:VFREEBUSY",
    "END:VCALENDAR",
  ].join("\r\n");
  const window = { start: new Date("2026-11-16T00:00:00Z"), end: new Date("2026-11-30T00:00:00Z") };

  it("expands recurring events in their own zone, keeps busy periods, drops free and cancelled ones", () => {
    const busy = parseBusyIntervals(feed, window, "America/New_York").map((b) => [b.start.toISOString(), b.end.toISOString()]);
    expect(busy).toEqual([
      ["2026-11-16T09:00:00.000Z", "2026-11-16T09:30:00.000Z"],
      ["2026-11-17T09:00:00.000Z", "2026-11-17T09:30:00.000Z"],
      ["2026-11-18T09:00:00.000Z", "2026-11-18T09:30:00.000Z"],
      ["2026-11-18T15:00:00.000Z", "2026-11-18T16:00:00.000Z"],
    ]);
  });

  it("keeps slots clear of the feed's busy times", () => {
    const busy = parseBusyIntervals(feed, window, "Europe/Berlin");
    const slots = findFreeSlots({ attendees: [person("Europe/Berlin", { busy }), person("Europe/Berlin")], from: new Date("2026-11-16T09:00:00Z"), durationMinutes: 30, count: 2 });
    // 10:00–10:30 Berlin is the stand-up: the first slots are 10:30 and 11:00 Berlin.
    expect(iso(slots)).toEqual(["2026-11-16T09:30:00.000Z", "2026-11-16T10:00:00.000Z"]);
  });
});
