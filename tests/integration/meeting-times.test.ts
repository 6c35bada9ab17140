import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { businessDayOnOrAfter } from "@/lib/touchpoints/schedule";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { toIsoDate } from "@/lib/dates";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { stopBoss } from "@/lib/server/jobs/boss";
import { deliverEmail } from "@/lib/server/jobs/handlers/deliver-email";
import { startWorker } from "@/lib/server/jobs/worker";
import { handoffCallTimes, moveHandoffCall } from "@/lib/server/handoffs/meeting-times";
import { saveCalendarProfile } from "@/lib/server/users/calendar-profile";
import { createAccount, createCsm, createDeal, createUser, closeToHandoff } from "./support/fixtures";
import { mailsContaining } from "./support/mail";

// A local HTTP server stands in for the CSM's calendar: it serves an iCalendar feed with one busy hour.
let server: Server;
let feedUrl = "";
let feedBody = "";

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar" });
    response.end(feedBody);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/busy.ics`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stopBoss();
});

const compact = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

describe("handoff call times that fit both people", () => {
  it("reads the CSM's free/busy feed through the worker, books the first time both are free, and moves it with a new invitation", async () => {
    const now = new Date();
    // The next business day (company calendar) after today, at 09:00 UTC: both people work 09:00–17:00 UTC.
    const day = businessDayOnOrAfter(addCalendarDays(companyToday(now, "America/New_York"), 1), DEFAULT_SETTINGS.calendar);
    const at = (hhmm: string) => new Date(`${toIsoDate(day)}T${hhmm}:00.000Z`);
    feedBody = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
      "BEGIN:VEVENT", "UID:busy@test", `DTSTAMP:${compact(now)}`, `DTSTART:${compact(at("09:00"))}`, `DTEND:${compact(at("10:00"))}`, "SUMMARY:Dentist", "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");

    const salesBoss = await createUser("CS_MANAGER", { name: "Sales Boss" });
    const csBoss = await createUser("CS_MANAGER", { name: "CS Boss" });
    const ae = await createUser("AE", { managerId: salesBoss.id });
    const csm = await createCsm({ timezone: "Etc/UTC" });
    await prisma.user.update({ where: { id: csm.id }, data: { managerId: csBoss.id } });
    await prisma.user.update({ where: { id: ae.id }, data: { timezone: "Etc/UTC", workdayStart: "09:00", workdayEnd: "17:00" } });
    await saveCalendarProfile({ ...csm, managerId: csBoss.id }, { timezone: "Etc/UTC", workdayStart: "09:00", workdayEnd: "17:00", freeBusyUrl: feedUrl });

    // The worker (pg-boss) fetches the feed: the job was queued by the save.
    const worker = await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, catchUp: false });
    try {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await prisma.busyInterval.count({ where: { userId: csm.id } })) === 0) await new Promise((r) => setTimeout(r, 250));
      const busy = await prisma.busyInterval.findMany({ where: { userId: csm.id } });
      expect(busy.map((b) => [b.startsAt.toISOString(), b.endsAt.toISOString()])).toEqual([[at("09:00").toISOString(), at("10:00").toISOString()]]);

      // The AE already has a Baton meeting right after.
      const account = await createAccount({ segment: "MID_MARKET" });
      await prisma.meeting.create({ data: { kind: "KICKOFF", accountId: account.id, startsAt: at("10:00"), durationMinutes: 30, attendeeEmails: [ae.email], createdById: ae.id } });
      const deal = await createDeal(account.id, ae.id);
      const handoffId = await closeToHandoff(ae, deal.id, { at: now });
      const assignment = await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } });
      expect(assignment.suggestedCsmId).toBe(csm.id);
      await approveAssignment(salesBoss, { assignmentId: assignment.id }, { now });

      const call = await prisma.meeting.findFirstOrThrow({ where: { handoffId, kind: "HANDOFF_CALL" } });
      expect(call.startsAt.toISOString()).toBe(at("10:30").toISOString());

      // Both see the other free times; the AE moves it, and an updated timed invitation goes out, managers in cc.
      const times = await handoffCallTimes(ae, handoffId, now);
      expect(times?.slots.length).toBeGreaterThan(0);
      expect(times?.slots.every((slot) => !["09:00", "09:30", "10:00", "10:30"].some((t) => slot.startsAt === at(t).toISOString()))).toBe(true);
      const target = new Date(times!.slots[0]!.startsAt);
      await expect(moveHandoffCall(ae, { handoffId, startsAt: at("09:30").toISOString() }, now)).rejects.toMatchObject({ code: "CONFLICT" });
      await moveHandoffCall(ae, { handoffId, startsAt: target.toISOString() }, now);
      const moved = await prisma.meeting.findUniqueOrThrow({ where: { id: call.id } });
      expect(moved).toMatchObject({ sequence: 1 });
      expect(moved.startsAt.toISOString()).toBe(target.toISOString());
      const email = await prisma.emailMessage.findFirstOrThrow({ where: { dedupeKey: `meeting-invite:${call.id}:1` } });
      expect(email.ccEmails.sort()).toEqual([csBoss.email, salesBoss.email].sort());
      await deliverEmail(email.id, now);
      const [mail] = await mailsContaining("moved the handoff call");
      const invite = mail?.parts.find((part) => part.contentType.startsWith("text/calendar"))?.body.replace(/\r\n /g, "");
      expect(invite).toContain(`DTSTART:${compact(target)}`);
      expect(invite).toContain("SEQUENCE:1");

      const stranger = await createUser("AE");
      await expect(handoffCallTimes(stranger, handoffId, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await worker.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  });
});
