import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { renewalAlertMarkdown } from "@/lib/renewals/renewal-alert";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { stopBoss } from "@/lib/server/jobs/boss";
import { sendDailyDigests } from "@/lib/server/jobs/handlers/daily-digest";
import { deliverEmail } from "@/lib/server/jobs/handlers/deliver-email";
import { escalateDueHandoffs, escalateHandoff } from "@/lib/server/jobs/handlers/escalate-handoffs";
import { alertMissingRenewals } from "@/lib/server/jobs/handlers/missing-renewals";
import { sendRenewalAlerts } from "@/lib/server/jobs/handlers/renewal-alerts";
import { openRenewalHandoffs } from "@/lib/server/jobs/handlers/renewal-handoffs";
import { startWorker } from "@/lib/server/jobs/worker";
import { onCsmAssigned } from "@/lib/server/renewals/on-csm-assigned";
import { createAccount, createDeal, createRenewal, createUser, closeToHandoff } from "./support/fixtures";
import { mailsContaining } from "./support/mail";

// Monday 2026-11-23, 10:00 in New York (the company time zone of the default settings).
const NOW = new Date("2026-11-23T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

afterAll(async () => {
  await stopBoss();
});

async function renewalFixture(options: { withCsm?: boolean; renewalDate?: Date } = {}) {
  const ae = await createUser("AE");
  const csm = options.withCsm === false ? null : await createUser("CSM", { name: "Dana Scully" });
  const account = await createAccount({ name: "Acme Renewals Co", csmId: csm?.id, aeId: ae.id });
  await prisma.account.update({ where: { id: account.id }, data: { healthScore: 62, usagePct: "48.5" } });
  await prisma.riskAssessment.create({ data: { accountId: account.id, overall: "HIGH", factors: [], trigger: "test" } });
  const renewal = await createRenewal(account.id, ae.id, { renewalDate: options.renewalDate ?? day("2027-01-22"), amountCents: 12_000_000n });
  return { ae, csm, account, renewal };
}

describe("renewal alerts at 90, 60 and 30 days", () => {
  it("sends the most urgent due alert once, in the seed's Renewal Alert format, to the CSM in the bell and by e-mail", async () => {
    const { csm, account, renewal } = await renewalFixture();
    const first = await sendRenewalAlerts(NOW);
    const second = await sendRenewalAlerts(NOW);
    expect(first.created).toEqual([`renewal-alert:${renewal.id}:60`]);
    expect(second).toEqual({ created: [], skipped: [`renewal-alert:${renewal.id}:60`] });

    const notifications = await prisma.notification.findMany({ where: { kind: "renewal_alert" } });
    expect(notifications).toHaveLength(1);
    const expected = renewalAlertMarkdown({
      accountName: "Acme Renewals Co",
      arrCents: 12_000_000n,
      renewalDate: day("2027-01-22"),
      today: day("2026-11-23"),
      csmName: "Dana Scully",
      healthScore: 62,
      usagePct: 48.5,
      riskLevel: "HIGH",
    });
    expect(notifications[0]).toMatchObject({ userId: csm?.id, title: "Renewal in 60 days: Acme Renewals Co ($120,000 ARR)", body: expected, link: `/accounts/${account.id}` });
    expect(expected).toBe(
      [
        "## 🔄 Renewal Due: Acme Renewals Co",
        "",
        "**ARR**: $120,000",
        "**Renewal Date**: Jan 22, 2027 (60 days away)",
        "**CSM**: Dana Scully",
        "",
        "**Health Score**: 62/100",
        "**Usage**: 48.5% of entitlement",
        "**Risk Level**: High",
        "",
        "**Action Required**: Escalate to the CS manager and agree a save plan with the executive sponsor this week: high-risk renewal in 60 days",
      ].join("\n"),
    );

    const emails = await prisma.emailMessage.findMany({ where: { kind: "RENEWAL_ALERT" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toEmails: [csm?.email], subject: `Renewal due in 60 days: ${renewal.name} (60-day alert)`, dedupeKey: `renewal-alert:${renewal.id}:60`, accountId: account.id });
    expect(emails[0]?.body.startsWith(expected)).toBe(true);

    // Delivered once through the mailer's capture, even when delivered twice.
    expect(await deliverEmail(emails[0]?.id ?? "")).toBe("sent");
    expect(await deliverEmail(emails[0]?.id ?? "")).toBe("already-sent");
    const captured = await mailsContaining("**Renewal Date**: Jan 22, 2027 (60 days away)");
    expect(captured).toHaveLength(1);
  });

  it("sends the 30-day alert when the renewal comes within 30 days, once more", async () => {
    const { renewal } = await renewalFixture();
    await sendRenewalAlerts(NOW);
    const later = new Date("2026-12-23T15:00:00Z"); // 30 days before 2027-01-22
    const run = await sendRenewalAlerts(later);
    await sendRenewalAlerts(later);
    expect(run.created).toEqual([`renewal-alert:${renewal.id}:30`]);
    const titles = (await prisma.notification.findMany({ where: { kind: "renewal_alert" }, orderBy: { createdAt: "asc" } })).map((n) => n.title);
    expect(titles).toEqual(["Renewal in 60 days: Acme Renewals Co ($120,000 ARR)", "Renewal in 30 days: Acme Renewals Co ($120,000 ARR)"]);
    expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(2);
  });

  it("alerts every CS manager when the account has no CSM, asking for an owner", async () => {
    const managers = [await createUser("CS_MANAGER"), await createUser("CS_MANAGER")];
    await createUser("CS_MANAGER", { active: false });
    await renewalFixture({ withCsm: false });
    await sendRenewalAlerts(NOW);
    const notifications = await prisma.notification.findMany({ where: { kind: "renewal_alert" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual(managers.map((m) => m.id).sort());
    expect(notifications[0]?.body).toContain("**CSM**: Unassigned");
    expect(notifications[0]?.body).toContain("**Action Required**: Assign a CSM today: this renewal has no owner");
    const [email] = await prisma.emailMessage.findMany({ where: { kind: "RENEWAL_ALERT" } });
    expect(email?.toEmails.sort()).toEqual(managers.map((m) => m.email).sort());
  });

  it("writes each alert once when three workers run the sweep at the same moment", async () => {
    await renewalFixture();
    await renewalFixture({ renewalDate: day("2026-12-10") });
    const runs = await Promise.all([sendRenewalAlerts(NOW), sendRenewalAlerts(NOW), sendRenewalAlerts(NOW)]);
    expect(runs.flatMap((run) => run.created)).toHaveLength(2);
    expect(await prisma.notification.count({ where: { kind: "renewal_alert" } })).toBe(2);
    expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(2);
  });

  it("finishes after a worker was killed half way, without repeating what was done", async () => {
    const a = await renewalFixture({ renewalDate: day("2026-12-10") });
    const b = await renewalFixture();
    const crash = sendRenewalAlerts(NOW, {
      afterEach: () => {
        throw new Error("worker killed");
      },
    });
    await expect(crash).rejects.toThrow("worker killed");
    expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(1);

    const restart = await sendRenewalAlerts(NOW);
    expect(restart.created).toEqual([`renewal-alert:${b.renewal.id}:60`]);
    expect(restart.skipped).toEqual([`renewal-alert:${a.renewal.id}:30`]);
    expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(2);
    expect(await prisma.notification.count({ where: { kind: "renewal_alert" } })).toBe(2);
  });

  it("leaves nothing behind when it dies inside an alert's transaction, and writes the alert once on the retry", async () => {
    await renewalFixture();
    // Fails the first notification insert, after the alert's e-mail row was inserted in the same transaction.
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_notification() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'killed mid-transaction'; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER test_fail_notification BEFORE INSERT ON "Notification" FOR EACH STATEMENT EXECUTE FUNCTION test_fail_notification()`);
    try {
      await expect(sendRenewalAlerts(NOW)).rejects.toThrow(/killed mid-transaction/);
      expect(await prisma.emailMessage.count()).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_notification ON "Notification"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_fail_notification()`);
    }
    await sendRenewalAlerts(NOW);
    await sendRenewalAlerts(NOW);
    expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(1);
    expect(await prisma.notification.count({ where: { kind: "renewal_alert" } })).toBe(1);
  });

  it("ignores closed renewals and renewals more than 90 days out", async () => {
    await renewalFixture({ renewalDate: day("2027-03-01") });
    const { renewal } = await renewalFixture();
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { stage: "CLOSED_WON" } });
    expect(await sendRenewalAlerts(NOW)).toEqual({ created: [], skipped: [] });
  });
});

describe("the missing renewal opportunity alert (24 hours after closed-won)", () => {
  it("alerts the deal's AE and RevOps once, only after 24 hours", async () => {
    const ae = await createUser("AE");
    const admin = await createUser("ADMIN");
    const account = await createAccount({ name: "No Renewal Inc" });
    const late = await createDeal(account.id, ae.id, { amountCents: 4_500_000n });
    const recent = await createDeal(account.id, ae.id);
    await prisma.deal.update({ where: { id: late.id }, data: { stage: "CLOSED_WON", closedWonAt: new Date(NOW.getTime() - 25 * 3_600_000) } });
    await prisma.deal.update({ where: { id: recent.id }, data: { stage: "CLOSED_WON", closedWonAt: new Date(NOW.getTime() - 23 * 3_600_000) } });

    const first = await alertMissingRenewals(NOW);
    await alertMissingRenewals(NOW);
    expect(first.created).toEqual([`missing-renewal:${late.id}`]);
    const notifications = await prisma.notification.findMany({ where: { kind: "renewal_missing" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([ae.id, admin.id].sort());
    expect(notifications[0]?.title).toBe("No renewal opportunity: No Renewal Inc");
    expect(notifications[0]?.body).toContain("has no renewal opportunity 24 hours later");
    const emails = await prisma.emailMessage.findMany({ where: { dedupeKey: `missing-renewal:${late.id}` } });
    expect(emails).toHaveLength(1);
    expect(emails[0]?.toEmails.sort()).toEqual([ae.email, admin.email].sort());
  });

  it("stays quiet for a deal that went through the closed-won flow", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    await closeDealWon(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
    expect(await alertMissingRenewals(NOW)).toEqual({ created: [], skipped: [] });
  });
});

describe("handoff escalation at the 72-hour due time", () => {
  async function overdueHandoff() {
    const manager = await createUser("CS_MANAGER", { name: "Morgan Lead" });
    const ae = await createUser("AE", { managerId: manager.id, name: "Alex Seller" });
    const account = await createAccount({ name: "Late Handoff LLC" });
    const deal = await createDeal(account.id, ae.id);
    // Friday 2026-11-13 15:00 New York → due Wednesday 2026-11-18 15:00 (20:00 UTC).
    const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-13T20:00:00Z") });
    return { manager, ae, account, handoffId };
  }

  it("escalates to the AE and their manager at the due time, once", async () => {
    const { manager, ae, handoffId } = await overdueHandoff();
    expect(await escalateHandoff(handoffId, new Date("2026-11-18T19:59:00Z"))).toBeNull();
    expect(await escalateDueHandoffs(new Date("2026-11-18T19:59:00Z"))).toEqual({ created: [], skipped: [] });

    const due = new Date("2026-11-18T20:00:00Z");
    expect(await escalateHandoff(handoffId, due)).toEqual({ key: `handoff-escalation:${handoffId}`, created: true });
    expect(await escalateDueHandoffs(due)).toEqual({ created: [], skipped: [`handoff-escalation:${handoffId}`] });
    expect(await escalateHandoff(handoffId, due)).toEqual({ key: `handoff-escalation:${handoffId}`, created: false });

    const notifications = await prisma.notification.findMany({ where: { kind: "handoff_overdue" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([ae.id, manager.id].sort());
    expect(notifications[0]).toMatchObject({ title: "Handoff overdue: Late Handoff LLC", link: `/handoffs/${handoffId}` });
    const emails = await prisma.emailMessage.findMany({ where: { kind: "ESCALATION", handoffId } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toEmails: [ae.email], ccEmails: [manager.email], subject: "Escalation: New customer handoff for Late Handoff LLC is overdue" });
    expect(emails[0]?.body).toContain("was due Nov 18, 2026, 3:00 PM (72 business hours) and is still in progress");
  });

  it("does not escalate a completed or skipped handoff", async () => {
    const { handoffId } = await overdueHandoff();
    await prisma.handoff.update({ where: { id: handoffId }, data: { status: "COMPLETED", completedAt: new Date("2026-11-17T15:00:00Z") } });
    expect(await escalateDueHandoffs(NOW)).toEqual({ created: [], skipped: [] });
    expect(await prisma.notification.count()).toBe(0);
  });

  it("was put on the queue by closeDealWon to run at the due time", async () => {
    const { handoffId } = await overdueHandoff();
    const [job] = await prisma.$queryRaw<{ start_after: Date; data: { handoffId: string } }[]>`
      SELECT start_after, data FROM pgboss.job WHERE name = 'escalate-handoff' AND singleton_key = ${`escalate:${handoffId}`}`;
    expect(job?.start_after.toISOString()).toBe("2026-11-18T20:00:00.000Z");
    expect(job?.data).toEqual({ handoffId });
  });
});

describe("the Renewal handoff 90 days before the renewal", () => {
  it("opens one Renewal handoff per renewal, due 72 business hours later, and tells the CSM", async () => {
    const { csm, renewal } = await renewalFixture({ renewalDate: day("2027-02-20") }); // 89 days out
    const far = await renewalFixture({ renewalDate: day("2027-02-23") }); // 92 days out
    const runs = await Promise.all([openRenewalHandoffs(NOW), openRenewalHandoffs(NOW)]);
    await openRenewalHandoffs(NOW);
    expect(runs.flatMap((run) => run.created)).toEqual([`renewal-handoff:${renewal.id}`]);

    const handoffs = await prisma.handoff.findMany({ where: { type: "RENEWAL" } });
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({ renewalOpportunityId: renewal.id, status: "IN_PROGRESS", dealId: null });
    expect(handoffs[0]?.startedAt.toISOString()).toBe(NOW.toISOString());
    // Monday 10:00 + 72 business hours = Thursday 10:00 New York (Thanksgiving, 2026-11-26, is a holiday → Friday).
    expect(handoffs[0]?.dueAt.toISOString()).toBe("2026-11-27T15:00:00.000Z");
    expect(await prisma.handoff.count({ where: { renewalOpportunityId: far.renewal.id } })).toBe(0);
    const notifications = await prisma.notification.findMany({ where: { kind: "renewal_handoff" } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ userId: csm?.id, title: "Renewal handoff opened: Acme Renewals Co" });
    expect(await prisma.auditEvent.count({ where: { action: "handoff.renewal_opened" } })).toBe(1);
  });

  it("opens one Renewal handoff for co-termed renewals of the same account and date", async () => {
    const { ae, account, renewal } = await renewalFixture({ renewalDate: day("2027-02-20") });
    const expansion = await createRenewal(account.id, ae.id, { renewalDate: day("2027-02-20"), amountCents: 2_000_000n });
    await openRenewalHandoffs(NOW);
    await openRenewalHandoffs(NOW);
    const handoffs = await prisma.handoff.findMany({ where: { type: "RENEWAL", accountId: account.id } });
    expect(handoffs).toHaveLength(1);
    expect([renewal.id, expansion.id]).toContain(handoffs[0]?.renewalOpportunityId);
  });

  it("asks for a CSM suggestion when the account has none", async () => {
    await createUser("CS_MANAGER");
    await renewalFixture({ withCsm: false, renewalDate: day("2027-01-10") });
    await openRenewalHandoffs(NOW);
    const handoff = await prisma.handoff.findFirstOrThrow({ where: { type: "RENEWAL" } });
    expect(await prisma.csmAssignment.count({ where: { handoffId: handoff.id, status: "PENDING" } })).toBe(1);
  });
});

describe("the daily digest", () => {
  async function digestFixture() {
    const csm = await createUser("CSM", { name: "Dana Scully" });
    const account = await createAccount({ name: "Digest Corp", csmId: csm.id });
    const touchpoint = (type: "KICKOFF" | "CHECK_IN", dueDate: string) =>
      prisma.touchpoint.create({ data: { accountId: account.id, type, dueDate: day(dueDate), ruleDate: day(dueDate), ownerId: csm.id } });
    await touchpoint("KICKOFF", "2026-11-19");
    await touchpoint("CHECK_IN", "2026-11-25");
    return { csm, account };
  }

  it("e-mails each CSM with something to do once per day", async () => {
    const { csm } = await digestFixture();
    await createUser("CSM"); // nothing to do: no digest
    await Promise.all([sendDailyDigests(NOW), sendDailyDigests(NOW)]);
    await sendDailyDigests(new Date("2026-11-23T21:00:00Z"));
    const emails = await prisma.emailMessage.findMany({ where: { kind: "DIGEST" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toEmails: [csm.email], dedupeKey: `digest:${csm.id}:2026-11-23`, subject: "Baton digest Nov 23, 2026: 1 overdue, 1 this week" });
    expect(emails[0]?.body).toContain("- Kickoff call with Digest Corp — due Nov 19, 2026 (4 days overdue)");
    expect(emails[0]?.body).toContain("- Nov 25, 2026: 2-week check-in with Digest Corp");

    await sendDailyDigests(new Date("2026-11-24T12:00:00Z"));
    expect(await prisma.emailMessage.count({ where: { kind: "DIGEST" } })).toBe(2);
  });

  it("sends nothing on a weekend", async () => {
    await digestFixture();
    expect(await sendDailyDigests(new Date("2026-11-21T12:00:00Z"))).toEqual({ created: [], skipped: [] });
  });
});

describe("the handoff-call invitation when a CSM is assigned", () => {
  it("books a 30-minute call, e-mails the AE and the CSM with their managers in cc and an .ics, once", async () => {
    const aeManager = await createUser("CS_MANAGER", { name: "Sales Boss" });
    const csmManager = await createUser("CS_MANAGER", { name: "CS Boss" });
    const ae = await createUser("AE", { managerId: aeManager.id, name: "Alex Seller" });
    const csm = await createUser("CSM", { managerId: csmManager.id, name: "Dana Scully" });
    const account = await createAccount({ name: "Invite Me Ltd", aeId: ae.id });
    const deal = await createDeal(account.id, ae.id);
    const handoffId = await closeToHandoff(ae, deal.id, { at: NOW });
    await prisma.account.update({ where: { id: account.id }, data: { csmId: csm.id } });

    const first = await prisma.$transaction((tx) => onCsmAssigned(tx, { accountId: account.id, handoffId, csmId: csm.id, now: NOW }));
    const again = await prisma.$transaction((tx) => onCsmAssigned(tx, { accountId: account.id, handoffId, csmId: csm.id, now: NOW }));
    expect(again).toEqual({ meetingId: first.meetingId, created: false });

    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: first.meetingId } });
    // The first half hour both are free from the next business day: Tuesday 09:00 New York (both work there).
    expect(meeting).toMatchObject({ kind: "HANDOFF_CALL", durationMinutes: 30, handoffId, attendeeEmails: [ae.email, csm.email] });
    expect(meeting.startsAt.toISOString()).toBe("2026-11-24T14:00:00.000Z");
    const touchpoint = await prisma.touchpoint.findUniqueOrThrow({ where: { sourceDealId_type: { sourceDealId: deal.id, type: "HANDOFF_CALL" } } });
    expect(touchpoint).toMatchObject({ ownerId: csm.id, aeInvited: true, status: "PLANNED" });
    expect(touchpoint.dueDate.toISOString().slice(0, 10)).toBe("2026-11-24");

    const emails = await prisma.emailMessage.findMany({ where: { kind: "HANDOFF_NOTIFICATION" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toEmails: [ae.email, csm.email], ccEmails: [aeManager.email, csmManager.email], handoffId, sentAt: null });

    // Rolled back with the assignment: no second e-mail, meeting or touchpoint.
    const otherCsm = await createUser("CSM");
    await expect(
      prisma.$transaction(async (tx) => {
        await onCsmAssigned(tx, { accountId: account.id, handoffId, csmId: otherCsm.id, now: NOW });
        throw new Error("approval failed later");
      }),
    ).rejects.toThrow("approval failed later");
    expect(await prisma.emailMessage.count({ where: { kind: "HANDOFF_NOTIFICATION" } })).toBe(1);
    expect(await prisma.meeting.count({ where: { kind: "HANDOFF_CALL" } })).toBe(1);

    expect(await deliverEmail(emails[0]?.id ?? "", NOW)).toBe("sent");
    const [mail] = await mailsContaining(`Handoff call (30 minutes)`);
    expect(mail?.headers).toContain(`Cc: ${aeManager.email}, ${csmManager.email}`);
    // Unfolded: iCalendar wraps long lines with CRLF + space.
    const invite = mail?.parts.filter((part) => part.contentType.startsWith("text/calendar")).map((part) => ({ body: part.body.replace(/\r\n /g, "") }))[0];
    expect(invite?.body).toContain("METHOD:REQUEST");
    expect(invite?.body).toContain("DTSTART:20261124T140000Z");
    expect(invite?.body).toContain("DTEND:20261124T143000Z");
    expect(invite?.body).toContain(`MAILTO:${ae.email}`);
    expect(invite?.body).toContain(`MAILTO:${csm.email}`);
  });
});

describe("through the real pg-boss queue", () => {
  it("runs a renewal alert job sent twice to one alert and one delivered e-mail", async () => {
    const today = companyToday(new Date(), "America/New_York");
    const { renewal } = await renewalFixture({ renewalDate: addCalendarDays(today, 30) });
    const worker = await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, catchUp: false });
    try {
      await worker.send("renewal-alerts", {});
      await worker.send("renewal-alerts", {});
      const deadline = Date.now() + 30_000;
      let sent = 0;
      while (Date.now() < deadline) {
        sent = await prisma.emailMessage.count({ where: { dedupeKey: `renewal-alert:${renewal.id}:30`, sentAt: { not: null } } });
        if (sent > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(sent).toBe(1);
      await worker.send("renewal-alerts", {});
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await prisma.notification.count({ where: { kind: "renewal_alert" } })).toBe(1);
      expect(await prisma.emailMessage.count({ where: { kind: "RENEWAL_ALERT" } })).toBe(1);
      expect(await mailsContaining("(30 days away)")).toHaveLength(1);
    } finally {
      await worker.stop({ graceful: true, wait: true, timeout: 5_000 });
      await stopBoss();
    }
  });
});
