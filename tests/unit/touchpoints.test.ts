import { describe, expect, it } from "vitest";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import {
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  implementationDates,
  renewalAlertDue,
  scheduleTouchpoints,
  type ScheduledTouchpoint,
} from "@/lib/touchpoints/schedule";

const timing = DEFAULT_SETTINGS.timing;
const noHolidays = { workingDays: [1, 2, 3, 4, 5], holidays: [] as string[] };
const usHolidays = DEFAULT_SETTINGS.calendar;
const d = parseIsoDate;

function byType(list: ScheduledTouchpoint[]) {
  return Object.fromEntries(
    list.map((t) => [t.type, { rule: toIsoDate(t.ruleDate), due: toIsoDate(t.dueDate), asap: t.asap, ae: t.aeInvited, owner: t.owner }]),
  );
}

describe("business day helpers", () => {
  it("keeps a business day and walks off weekends in the asked direction", () => {
    expect(toIsoDate(businessDayOnOrAfter(d("2026-03-05"), noHolidays))).toBe("2026-03-05"); // Thursday
    expect(toIsoDate(businessDayOnOrAfter(d("2026-03-07"), noHolidays))).toBe("2026-03-09"); // Sat → Mon
    expect(toIsoDate(businessDayOnOrBefore(d("2026-03-08"), noHolidays))).toBe("2026-03-06"); // Sun → Fri
  });

  it("skips holidays, including a holiday Monday after a weekend", () => {
    // 2026-01-17 is a Saturday; Monday 2026-01-19 is Martin Luther King Jr. Day.
    expect(toIsoDate(businessDayOnOrAfter(d("2026-01-17"), usHolidays))).toBe("2026-01-20");
    // 2027-01-01 (Friday) is New Year's Day → Thursday 2026-12-31.
    expect(toIsoDate(businessDayOnOrBefore(d("2027-01-01"), usHolidays))).toBe("2026-12-31");
  });

  it("honours a configured working week (Sunday–Thursday)", () => {
    const sunToThu = { workingDays: [7, 1, 2, 3, 4], holidays: [] as string[] };
    expect(toIsoDate(businessDayOnOrAfter(d("2026-03-06"), sunToThu))).toBe("2026-03-08"); // Fri → Sun
    expect(toIsoDate(businessDayOnOrBefore(d("2026-03-07"), sunToThu))).toBe("2026-03-05"); // Sat → Thu
  });

  it("refuses a calendar with no working day", () => {
    expect(() => businessDayOnOrAfter(d("2026-03-06"), { workingDays: [], holidays: [] })).toThrow(/no working day/);
  });
});

describe("scheduleTouchpoints: every timing rule", () => {
  // Closed Monday 2026-03-02 on a 12-month term: renewal Tuesday 2027-03-02. No holidays, to see the raw rules.
  const list = scheduleTouchpoints({ closeDate: d("2026-03-02"), renewalDate: d("2027-03-02"), timing, calendar: noHolidays });
  const t = byType(list);

  it("lists the nine touchpoints in rule order, without the handoff call", () => {
    expect(list.map((x) => x.type)).toEqual([
      "KICKOFF", "TRAINING", "GO_LIVE", "CHECK_IN", "HEALTH_CHECK", "QBR", "RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE",
    ]);
  });

  it("close-side rules", () => {
    expect(t.KICKOFF).toMatchObject({ rule: "2026-03-05", due: "2026-03-05" }); // close + 3
    expect(t.TRAINING).toMatchObject({ rule: "2026-03-12", due: "2026-03-12" }); // kickoff + 7
    expect(t.GO_LIVE).toMatchObject({ rule: "2026-03-26", due: "2026-03-26" }); // training + 14
    expect(t.CHECK_IN).toMatchObject({ rule: "2026-03-16", due: "2026-03-16" }); // close + 14
    expect(t.HEALTH_CHECK).toMatchObject({ rule: "2026-04-01", due: "2026-04-01" }); // close + 30
    // close + 90 is Sunday 2026-05-31: a close-side date moves forward to Monday.
    expect(t.QBR).toMatchObject({ rule: "2026-05-31", due: "2026-06-01" });
  });

  it("renewal-side rules", () => {
    expect(t.RENEWAL_PLANNING).toMatchObject({ rule: "2026-12-02", due: "2026-12-02", asap: false }); // renewal − 90
    expect(t.RENEWAL_CALL).toMatchObject({ rule: "2027-01-01", due: "2027-01-01", asap: false }); // renewal − 60
    // renewal − 30 is Sunday 2027-01-31: a renewal-side date moves back to Friday.
    expect(t.RENEWAL_CLOSE).toMatchObject({ rule: "2027-01-31", due: "2027-01-29", asap: false });
  });

  it("invites the AE to the first QBR only, and the CSM owns the rest", () => {
    expect(t.QBR).toMatchObject({ ae: true, owner: "CSM_AND_AE" });
    const others = list.filter((x) => x.type !== "QBR");
    expect(others.length).toBeGreaterThan(0);
    for (const touchpoint of others) {
      expect(touchpoint).toMatchObject({ aeInvited: false, owner: "CSM" });
    }
  });

  it("reads the timings from the settings", () => {
    const custom = byType(
      scheduleTouchpoints({
        closeDate: d("2026-03-02"),
        renewalDate: d("2027-03-02"),
        timing: { ...timing, kickoffDaysAfterClose: 1, renewalPlanningDaysBefore: 120 },
        calendar: noHolidays,
      }),
    );
    expect(custom.KICKOFF?.due).toBe("2026-03-03");
    expect(custom.TRAINING?.due).toBe("2026-03-10");
    expect(custom.RENEWAL_PLANNING?.due).toBe("2026-11-02"); // 2027-03-02 − 120 days
  });
});

describe("scheduleTouchpoints: weekends and holidays", () => {
  it("a Friday close: kickoff on Monday, health check off the weekend", () => {
    const t = byType(scheduleTouchpoints({ closeDate: d("2026-11-20"), renewalDate: d("2027-11-20"), timing, calendar: usHolidays }));
    expect(t.KICKOFF?.due).toBe("2026-11-23");
    expect(t.TRAINING?.due).toBe("2026-11-30");
    expect(t.GO_LIVE?.due).toBe("2026-12-14");
    expect(t.CHECK_IN?.due).toBe("2026-12-04");
    expect(t.HEALTH_CHECK).toMatchObject({ rule: "2026-12-20", due: "2026-12-21" }); // Sunday → Monday
    expect(t.QBR?.due).toBe("2027-02-18");
  });

  it("a kickoff on a holiday moves to the next business day, and training counts from the shifted kickoff", () => {
    // Closed Monday 2026-11-23: close + 3 is Thanksgiving (Thursday 2026-11-26) → Friday 2026-11-27.
    const t = byType(scheduleTouchpoints({ closeDate: d("2026-11-23"), renewalDate: d("2027-11-23"), timing, calendar: usHolidays }));
    expect(t.KICKOFF).toMatchObject({ rule: "2026-11-26", due: "2026-11-27" });
    // 7 days after the kickoff that actually happens (not 2026-12-03, 7 days after the holiday).
    expect(t.TRAINING).toMatchObject({ rule: "2026-12-04", due: "2026-12-04" });
    expect(t.GO_LIVE).toMatchObject({ rule: "2026-12-18", due: "2026-12-18" });
  });

  it("a weekend kickoff followed by a holiday Monday moves to Tuesday", () => {
    // Closed Wednesday 2026-01-14: close + 3 is Saturday; Monday 2026-01-19 is MLK Day.
    const t = byType(scheduleTouchpoints({ closeDate: d("2026-01-14"), renewalDate: d("2027-01-14"), timing, calendar: usHolidays }));
    expect(t.KICKOFF).toMatchObject({ rule: "2026-01-17", due: "2026-01-20" });
    expect(t.TRAINING?.due).toBe("2026-01-27");
  });

  it("a renewal-side date on a holiday moves to the previous business day", () => {
    // Renewal 2027-03-02: renewal − 60 is New Year's Day 2027 (Friday) → Thursday 2026-12-31.
    const t = byType(scheduleTouchpoints({ closeDate: d("2026-03-02"), renewalDate: d("2027-03-02"), timing, calendar: usHolidays }));
    expect(t.RENEWAL_CALL).toMatchObject({ rule: "2027-01-01", due: "2026-12-31", asap: false });
  });
});

describe("scheduleTouchpoints: short contracts", () => {
  it("3-month term ending at month end: renewal − 90 falls on the close → as soon as possible, flagged", () => {
    // Closed Monday 2026-11-30 for 3 months: renewal 2027-02-28 (Feb 30 clamps to Feb 28).
    const t = byType(scheduleTouchpoints({ closeDate: d("2026-11-30"), renewalDate: d("2027-02-28"), timing, calendar: usHolidays }));
    expect(t.RENEWAL_PLANNING).toMatchObject({ rule: "2026-11-30", due: "2026-12-01", asap: true });
    expect(t.RENEWAL_CALL).toMatchObject({ rule: "2026-12-30", due: "2026-12-30", asap: false });
    expect(t.RENEWAL_CLOSE).toMatchObject({ rule: "2027-01-29", due: "2027-01-29", asap: false });
  });

  it("2-month term: renewal − 90 is before the close; order planning ≤ call ≤ close is kept", () => {
    // Closed Monday 2026-03-02, renewal Saturday 2026-05-02.
    const list = scheduleTouchpoints({ closeDate: d("2026-03-02"), renewalDate: d("2026-05-02"), timing, calendar: noHolidays });
    const t = byType(list);
    expect(t.RENEWAL_PLANNING).toMatchObject({ rule: "2026-02-01", due: "2026-03-03", asap: true });
    // The call's own rule date is the planning day: it moves to the next business day, never the same one.
    expect(t.RENEWAL_CALL).toMatchObject({ rule: "2026-03-03", due: "2026-03-04", asap: false });
    expect(t.RENEWAL_CLOSE).toMatchObject({ rule: "2026-04-02", due: "2026-04-02", asap: false });
    // The QBR (close + 90) would come after the renewal: not planned. The health check (Apr 1) still is.
    expect(t.QBR).toBeUndefined();
    expect(t.HEALTH_CHECK?.due).toBe("2026-04-01");
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((x) => x.dueDate.getTime() < d("2026-05-02").getTime())).toBe(true);
  });

  it("1-month term of 31 days: renewal-side dates pulled after the close land on three consecutive business days", () => {
    // Closed Thursday 2026-07-02; the next day is the Independence Day holiday, then a weekend.
    const list = scheduleTouchpoints({ closeDate: d("2026-07-02"), renewalDate: d("2026-08-02"), timing, calendar: usHolidays });
    const renewalSide = list.filter((x) => x.type.startsWith("RENEWAL_"));
    expect(renewalSide.map((x) => [toIsoDate(x.dueDate), x.asap])).toEqual([
      ["2026-07-06", true],
      ["2026-07-07", true],
      ["2026-07-08", true],
    ]);
    expect(list).toHaveLength(7);
    for (const x of list) expect(x.dueDate.getTime()).toBeGreaterThan(d("2026-07-02").getTime());
    // No onboarding touchpoint on or after the renewal date: the health check (Aug 3) and QBR are dropped.
    expect(list.map((x) => x.type)).toEqual(["KICKOFF", "TRAINING", "GO_LIVE", "CHECK_IN", "RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE"]);
    for (const x of list) expect(x.dueDate.getTime()).toBeLessThan(d("2026-08-02").getTime());
  });

  it("a contract under 30 days (February) may hold its renewal-side touchpoints on one day", () => {
    const list = scheduleTouchpoints({ closeDate: d("2027-02-01"), renewalDate: d("2027-03-01"), timing, calendar: noHolidays });
    const renewalSide = list.filter((x) => x.type.startsWith("RENEWAL_"));
    expect(renewalSide.map((x) => toIsoDate(x.dueDate))).toEqual(["2027-02-02", "2027-02-02", "2027-02-02"]);
    // Counted from the contract start when it is later than the close: 2027-02-01 → 2027-03-03 is 30 days.
    const later = scheduleTouchpoints({ closeDate: d("2027-02-01"), contractStart: d("2027-02-01"), renewalDate: d("2027-03-03"), timing, calendar: noHolidays });
    expect(new Set(later.filter((x) => x.type.startsWith("RENEWAL_")).map((x) => toIsoDate(x.dueDate))).size).toBe(3);
  });

  it("no two renewal-side touchpoints share a day on a 3-month contract recorded late", () => {
    const list = scheduleTouchpoints({ closeDate: d("2026-03-02"), renewalDate: d("2026-06-02"), today: d("2026-04-20"), timing, calendar: noHolidays });
    const days = list.filter((x) => x.type.startsWith("RENEWAL_")).map((x) => toIsoDate(x.dueDate));
    expect(days).toEqual(["2026-04-21", "2026-04-22", "2026-05-01"]);
  });

  it("a deal recorded late: renewal-side dates at or before today go to the next business day after today", () => {
    const t = byType(
      scheduleTouchpoints({
        closeDate: d("2026-03-02"),
        renewalDate: d("2026-06-02"),
        today: d("2026-03-10"),
        timing,
        calendar: noHolidays,
      }),
    );
    expect(t.RENEWAL_PLANNING).toMatchObject({ rule: "2026-03-04", due: "2026-03-11", asap: true });
    expect(t.RENEWAL_CALL).toMatchObject({ rule: "2026-04-03", due: "2026-04-03", asap: false });
  });
});

describe("renewalAlertDue", () => {
  const renewal = d("2027-03-01");
  const daysBefore = (n: number) => new Date(renewal.getTime() - n * 86_400_000);
  const alerts = [90, 60, 30];

  it.each([
    [91, []],
    [90, [90]],
    [61, [90]],
    [60, [90, 60]],
    [30, [90, 60, 30]],
    [0, [90, 60, 30]],
    [-5, [90, 60, 30]],
  ])("%i days away → %j", (days, expected) => {
    expect(renewalAlertDue(renewal, daysBefore(days), alerts)).toEqual(expected);
  });

  it("orders largest first and ignores duplicates in the settings", () => {
    expect(renewalAlertDue(renewal, daysBefore(10), [30, 90, 30, 60])).toEqual([90, 60, 30]);
  });
});

describe("implementationDates: training and go-live from the AE's timeline", () => {
  it("go-live on the entered date, training the rule's 14 days before it", () => {
    const dates = implementationDates({ kickoff: d("2026-11-19"), goLive: d("2027-02-15"), timing, calendar: usHolidays });
    expect(toIsoDate(dates.goLive.dueDate)).toBe("2027-02-15");
    expect(toIsoDate(dates.training.dueDate)).toBe("2027-02-01");
  });

  it("a weekend go-live moves to Monday; training never falls on or before the kickoff", () => {
    const dates = implementationDates({ kickoff: d("2026-11-19"), goLive: d("2026-11-28"), timing, calendar: noHolidays });
    expect(toIsoDate(dates.goLive.dueDate)).toBe("2026-11-30");
    expect(toIsoDate(dates.training.dueDate)).toBe("2026-11-20");
  });
});
