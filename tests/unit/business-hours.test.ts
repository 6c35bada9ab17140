import { describe, expect, it } from "vitest";
import { addBusinessHours, businessMsBetween, formatBusinessTimeLeft } from "@/lib/business-hours";

const newYork = { timezone: "America/New_York", workingDays: [1, 2, 3, 4, 5], holidays: [] as string[] };
const HOUR = 3_600_000;

describe("addBusinessHours", () => {
  it("closed Friday 15:00 is due Wednesday 15:00 (SPEC example)", () => {
    // 2026-11-13 is a Friday; 15:00 in New York (EST, UTC-5) is 20:00Z.
    const due = addBusinessHours(new Date("2026-11-13T20:00:00Z"), 72, newYork);
    expect(due.toISOString()).toBe("2026-11-18T20:00:00.000Z");
  });

  it("a Tuesday close is due Friday at the same time", () => {
    const due = addBusinessHours(new Date("2026-11-10T14:30:00Z"), 72, newYork);
    expect(due.toISOString()).toBe("2026-11-13T14:30:00.000Z");
  });

  it("a close on Saturday starts counting Monday 00:00", () => {
    const due = addBusinessHours(new Date("2026-11-14T18:00:00Z"), 72, newYork);
    // Monday 00:00 EST + 72h = Thursday 00:00 EST = 05:00Z.
    expect(due.toISOString()).toBe("2026-11-19T05:00:00.000Z");
  });

  it("skips a configured holiday", () => {
    const calendar = { ...newYork, holidays: ["2026-11-26"] };
    // Wednesday 2026-11-25 10:00 EST: Wed 14h, Thu holiday, Fri 24h, Mon 24h, Tue 10h → Tuesday 10:00.
    const due = addBusinessHours(new Date("2026-11-25T15:00:00Z"), 72, calendar);
    expect(due.toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });

  it("counts the real hours across the autumn daylight-saving change", () => {
    // Friday 2026-10-30 15:00 EDT (19:00Z); clocks go back Sunday 2026-11-01. Due Wednesday 15:00 EST.
    const due = addBusinessHours(new Date("2026-10-30T19:00:00Z"), 72, newYork);
    expect(due.toISOString()).toBe("2026-11-04T20:00:00.000Z");
  });

  it("counts a 23-hour spring-forward working day as 23 hours", () => {
    const calendar = { ...newYork, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    // 2026-03-08 is the spring-forward Sunday; 00:00 EST = 05:00Z, next midnight EDT = 04:00Z next day.
    const due = addBusinessHours(new Date("2026-03-08T05:00:00Z"), 24, calendar);
    expect(due.toISOString()).toBe("2026-03-09T05:00:00.000Z");
  });

  it("uses the calendar's time zone, not the server's", () => {
    const berlin = { ...newYork, timezone: "Europe/Berlin" };
    // Friday 2026-11-13 15:00 CET = 14:00Z.
    const due = addBusinessHours(new Date("2026-11-13T14:00:00Z"), 72, berlin);
    expect(due.toISOString()).toBe("2026-11-18T14:00:00.000Z");
  });

  it("refuses a calendar without working days", () => {
    expect(() => addBusinessHours(new Date(), 1, { ...newYork, workingDays: [] })).toThrow(/no working day/);
  });
});

describe("businessMsBetween", () => {
  it("counts only working hours between two instants", () => {
    // Friday 15:00 EST to Monday 09:00 EST: 9h Friday + 9h Monday.
    const ms = businessMsBetween(new Date("2026-11-13T20:00:00Z"), new Date("2026-11-16T14:00:00Z"), newYork);
    expect(ms).toBe(18 * HOUR);
  });

  it("is negative when the due time has passed", () => {
    const ms = businessMsBetween(new Date("2026-11-18T22:00:00Z"), new Date("2026-11-18T20:00:00Z"), newYork);
    expect(ms).toBe(-2 * HOUR);
  });

  it("is the inverse of addBusinessHours", () => {
    const start = new Date("2026-11-13T20:00:00Z");
    expect(businessMsBetween(start, addBusinessHours(start, 72, newYork), newYork)).toBe(72 * HOUR);
  });
});

describe("formatBusinessTimeLeft", () => {
  it("reads as hours and minutes left or overdue", () => {
    expect(formatBusinessTimeLeft(31 * HOUR + 5 * 60_000)).toBe("31h 5m left");
    expect(formatBusinessTimeLeft(-2 * HOUR)).toBe("2h 0m overdue");
    expect(formatBusinessTimeLeft(45 * 60_000)).toBe("45m left");
  });
});
