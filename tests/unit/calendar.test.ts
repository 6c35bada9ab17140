import { describe, expect, it } from "vitest";
import { companyToday, handoffCallStart } from "@/lib/calendar/company-day";
import { meetingInvite, touchpointCalendar } from "@/lib/calendar/ics";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";

const calendar = DEFAULT_SETTINGS.calendar;
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("company days", () => {
  it("reads today in the company time zone", () => {
    // 02:00 UTC on the 24th is still the evening of the 23rd in New York.
    expect(companyToday(new Date("2026-11-24T02:00:00Z"), "America/New_York").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("books the handoff call at 10:00 company time on the next business day", () => {
    // Monday → Tuesday 10:00 EST.
    expect(handoffCallStart(new Date("2026-11-23T15:00:00Z"), calendar).toISOString()).toBe("2026-11-24T15:00:00.000Z");
    // Friday → Monday.
    expect(handoffCallStart(new Date("2026-11-20T15:00:00Z"), calendar).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    // Wednesday before Thanksgiving (a holiday) → Friday.
    expect(handoffCallStart(new Date("2026-11-25T15:00:00Z"), calendar).toISOString()).toBe("2026-11-27T15:00:00.000Z");
  });
});

describe("calendars", () => {
  it("writes touchpoints as all-day events on their calendar day, whatever the server's time zone", () => {
    const ics = unfold(
      touchpointCalendar("Baton — Dana", [{ uid: "touchpoint-1@baton", date: new Date("2027-09-02T00:00:00Z"), summary: "Renewal planning: Acme", description: "Invite the AE.", url: "http://localhost:3000/accounts/a1" }], new Date("2026-11-23T15:00:00Z")),
    );
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain("X-WR-CALNAME:Baton — Dana");
    expect(ics).toContain("UID:touchpoint-1@baton");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270902");
    expect(ics).toContain("SUMMARY:Renewal planning: Acme");
    expect(ics).toContain("URL;VALUE=URI:http://localhost:3000/accounts/a1");
  });

  it("writes the handoff call as a 30-minute invitation to both attendees", () => {
    const ics = unfold(
      meetingInvite({
        uid: "m1@baton",
        startsAt: new Date("2026-11-24T15:00:00Z"),
        durationMinutes: 30,
        summary: "Handoff call: Acme",
        description: "Agenda",
        organizer: { name: "Baton", email: "baton@localhost" },
        attendees: [
          { name: "Alex Seller", email: "ae@baton.test" },
          { name: "Dana Scully", email: "csm@baton.test" },
        ],
      }),
    );
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("DTSTART:20261124T150000Z");
    expect(ics).toContain("DTEND:20261124T153000Z");
    expect(ics).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN="Alex Seller":MAILTO:ae@baton.test');
    expect(ics).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN="Dana Scully":MAILTO:csm@baton.test');
  });
});
