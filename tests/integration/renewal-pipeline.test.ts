import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { RenewalStage, RiskLevel, Segment } from "@/lib/generated/prisma/enums";
import { renewalsCsv } from "@/lib/renewals/csv";
import { getAccount } from "@/lib/server/accounts/get-account";
import { identifyExpansion } from "@/lib/server/accounts/identify-expansion";
import { recordMilestones, updateHealthAndUsage } from "@/lib/server/accounts/update-account";
import { ensureCalendarToken, regenerateCalendarToken } from "@/lib/server/calendar/calendar-token";
import { accountCalendar, calendarFeed } from "@/lib/server/calendar/touchpoint-calendars";
import { stopBoss } from "@/lib/server/jobs/boss";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from "@/lib/server/notifications/notifications";
import { listAllRenewals, listRenewals, renewalListParams } from "@/lib/server/renewals/list-renewals";
import { moveRenewalStage } from "@/lib/server/renewals/move-renewal-stage";
import { arrOn } from "@/lib/server/ledger/ledger-day";
import { completeTouchpoint } from "@/lib/server/touchpoints/complete-touchpoint";
import { BOOK_LIST_ROWS, bookListParam, getBook } from "@/lib/server/touchpoints/get-book";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

const NOW = new Date("2026-11-23T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const params = (input: Record<string, string> = {}) => renewalListParams.parse(input);

afterAll(async () => {
  await stopBoss();
});

async function renewalWithArr(options: { arrCents?: bigint; amountCents?: bigint } = {}) {
  const csm = await createUser("CSM");
  const ae = await createUser("AE");
  const account = await createAccount({ csmId: csm.id, aeId: ae.id });
  const arr = options.arrCents ?? 10_000_000n;
  await prisma.arrMovement.create({ data: { accountId: account.id, date: day("2025-12-01"), type: "NEW", amountCents: arr } });
  await prisma.account.update({ where: { id: account.id }, data: { arrCents: arr } });
  const renewal = await createRenewal(account.id, ae.id, { renewalDate: day("2026-12-01"), amountCents: options.amountCents ?? arr });
  // Signed a year before the renewal: long past onboarding, so usage and health count in the risk.
  await prisma.deal.update({ where: { id: renewal.originalDealId }, data: { closeDate: day("2025-12-01") } });
  return { csm, ae, account, renewal };
}

const movementsOf = (accountId: string) =>
  prisma.arrMovement.findMany({ where: { accountId, type: { not: "NEW" } }, orderBy: { type: "asc" }, select: { type: true, amountCents: true, date: true } });

describe("moving a renewal through the pipeline", () => {
  it("moves stage by stage and, closed won higher, writes a renewal at P and the expansion, and opens the next term", async () => {
    const { csm, account, renewal } = await renewalWithArr();
    const handoff = await prisma.handoff.create({ data: { type: "RENEWAL", accountId: account.id, renewalOpportunityId: renewal.id, startedAt: day("2026-09-02"), dueAt: new Date("2026-12-30T00:00:00Z") } });
    const touchpoint = await prisma.touchpoint.create({ data: { accountId: account.id, renewalOpportunityId: renewal.id, type: "RENEWAL_CLOSE", dueDate: day("2026-11-30"), ruleDate: day("2026-11-30"), ownerId: csm.id } });

    await moveRenewalStage(csm, { renewalId: renewal.id, stage: "PLANNING" }, NOW);
    expect(await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ status: "COMPLETED", completedWithinSla: true });
    await moveRenewalStage(csm, { renewalId: renewal.id, stage: "NEGOTIATION" }, NOW);
    await moveRenewalStage(csm, { renewalId: renewal.id, stage: "COMMITTED" }, NOW);
    const result = await moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_WON", closedAmount: "125,000" }, NOW);
    expect(result.movements).toEqual([
      { type: "RENEWAL", amountCents: 12_500_000n },
      { type: "EXPANSION", amountCents: 2_500_000n },
    ]);

    expect(await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } })).toMatchObject({ stage: "CLOSED_WON", closedAmountCents: 12_500_000n, closedAt: NOW });
    const movements = await movementsOf(account.id);
    expect(movements.map((m) => [m.type, m.amountCents, m.date.toISOString().slice(0, 10)])).toEqual([
      ["EXPANSION", 2_500_000n, "2026-12-01"],
      ["RENEWAL", 12_500_000n, "2026-12-01"],
    ]);
    // Closed on Nov 23 for Dec 1: today's ARR is still the old term's; the renewed ARR is contracted from Dec 1.
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).arrCents).toBe(10_000_000n);
    expect(await arrOn(prisma, account.id, day("2026-12-01"))).toBe(12_500_000n);
    const next = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: result.nextRenewalId ?? "" }, include: { originalDeal: true } });
    expect(next).toMatchObject({ stage: "RENEWAL_PENDING", amountCents: 12_500_000n, renewalDate: day("2027-12-01"), contractTermMonths: 12 });
    expect(next.originalDeal).toMatchObject({ type: "RENEWAL", stage: "CLOSED_WON", amountCents: 12_500_000n, contractStart: day("2026-12-01") });
    expect((await prisma.touchpoint.findUniqueOrThrow({ where: { id: touchpoint.id } })).status).toBe("CANCELLED");
    const audits = await prisma.auditEvent.findMany({ where: { entityId: renewal.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["renewal.stage_changed", "renewal.stage_changed", "renewal.stage_changed", "renewal.closed"]);
    expect(audits[3]?.data).toMatchObject({ from: "COMMITTED", to: "CLOSED_WON", closedAmountCents: "12500000" });

    await expect(moveRenewalStage(csm, { renewalId: renewal.id, stage: "COMMITTED" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("closed won at the same amount writes one renewal movement and leaves ARR as it was", async () => {
    const { csm, account, renewal } = await renewalWithArr();
    await moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_WON", closedAmount: "100000" }, NOW);
    expect((await movementsOf(account.id)).map((m) => [m.type, m.amountCents])).toEqual([["RENEWAL", 10_000_000n]]);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).arrCents).toBe(10_000_000n);
  });

  it("closed won lower writes the renewal at the new amount and a contraction", async () => {
    const { account, renewal } = await renewalWithArr();
    const manager = await createUser("CS_MANAGER");
    const downsell = { renewalId: renewal.id, stage: "CLOSED_WON" as const, closedAmount: "80000.50" };
    await expect(moveRenewalStage(manager, downsell, NOW)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.stringMatching(/Choose why/)] } });
    await moveRenewalStage(manager, { ...downsell, reason: "Budget", addressable: false }, NOW);
    expect((await movementsOf(account.id)).map((m) => [m.type, m.amountCents])).toEqual([
      ["CONTRACTION", 1_999_950n],
      ["RENEWAL", 8_000_050n],
    ]);
    expect(await arrOn(prisma, account.id, day("2026-12-01"))).toBe(8_000_050n);
    expect(await prisma.arrMovement.findFirstOrThrow({ where: { accountId: account.id, type: "CONTRACTION" } })).toMatchObject({ reason: "Budget", addressable: false });
  });

  it("closed lost churns the account's whole ARR on the renewal date, with the reason", async () => {
    const { csm, account, renewal } = await renewalWithArr({ arrCents: 13_000_000n, amountCents: 10_000_000n });
    await moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_LOST", reason: "Competitor", addressable: true }, NOW);
    expect((await movementsOf(account.id)).map((m) => [m.type, m.amountCents])).toEqual([["CHURN", 13_000_000n]]);
    expect(await arrOn(prisma, account.id, day("2026-12-01"))).toBe(0n);
    expect(await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } })).toMatchObject({
      stage: "CLOSED_LOST", closedAmountCents: 0n, lossReason: "Competitor", lossAddressable: true, renewedByDealId: null,
    });
  });

  it("refuses a close won without the amount", async () => {
    const { csm, renewal } = await renewalWithArr();
    await expect(moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_WON", closedAmount: "" }, NOW)).rejects.toThrow(/renewed ARR/);
    expect((await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } })).stage).toBe("RENEWAL_PENDING");
  });

  it("refuses AEs, leadership and other CSMs, and changes nothing", async () => {
    const { ae, renewal } = await renewalWithArr();
    const leader = await createUser("LEADERSHIP");
    const otherCsm = await createUser("CSM");
    await expect(moveRenewalStage(ae, { renewalId: renewal.id, stage: "PLANNING" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(moveRenewalStage(leader, { renewalId: renewal.id, stage: "PLANNING" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(moveRenewalStage(otherCsm, { renewalId: renewal.id, stage: "PLANNING" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } })).stage).toBe("RENEWAL_PENDING");
    expect(await prisma.auditEvent.count({ where: { entityId: renewal.id } })).toBe(0);
  });
});

describe("the pipeline list", () => {
  async function pipeline() {
    const ae = await createUser("AE");
    const dana = await createUser("CSM", { name: "Dana Scully" });
    const fox = await createUser("CSM", { name: "Fox Mulder" });
    const make = async (name: string, opts: { csmId?: string; segment: Segment; date: string; stage: RenewalStage; risk?: RiskLevel; amount: bigint; aeId?: string }) => {
      const account = await createAccount({ name, csmId: opts.csmId, segment: opts.segment, aeId: opts.aeId });
      if (opts.risk) await prisma.riskAssessment.create({ data: { accountId: account.id, overall: opts.risk, factors: [], trigger: "test" } });
      return createRenewal(account.id, ae.id, { renewalDate: day(opts.date), stage: opts.stage, amountCents: opts.amount });
    };
    await make("Alpha", { csmId: dana.id, segment: "ENTERPRISE", date: "2027-01-15", stage: "PLANNING", risk: "HIGH", amount: 50_000_000n, aeId: ae.id });
    await make("Bravo", { csmId: dana.id, segment: "MID_MARKET", date: "2027-02-20", stage: "RENEWAL_PENDING", risk: "LOW", amount: 8_000_000n });
    await make("Charlie", { csmId: fox.id, segment: "MID_MARKET", date: "2027-03-30", stage: "NEGOTIATION", risk: "MEDIUM", amount: 9_000_000n });
    await make("Delta", { csmId: fox.id, segment: "SCALE", date: "2027-04-02", stage: "RENEWAL_PENDING", amount: 400_000n });
    await make("Echo", { segment: "SCALE", date: "2026-12-20", stage: "COMMITTED", risk: "HIGH", amount: 300_000n });
    // A risk assessed again: only the latest one counts.
    const alpha = await prisma.account.findFirstOrThrow({ where: { name: "Alpha" } });
    await prisma.riskAssessment.create({ data: { accountId: alpha.id, overall: "MEDIUM", factors: [], trigger: "health_update", createdAt: new Date(Date.now() + 1000) } });
    return { ae, dana, fox, manager: await createUser("CS_MANAGER") };
  }

  const names = (rows: { accountName: string }[]) => rows.map((row) => row.accountName);

  it("filters by quarter, stage, risk, CSM, segment and search, in SQL", async () => {
    const { manager, fox } = await pipeline();
    const list = async (input: Record<string, string>) => names((await listRenewals(manager, params(input), NOW)).page.data);
    expect(await list({})).toEqual(["Echo", "Alpha", "Bravo", "Charlie", "Delta"]);
    expect(await list({ quarter: "2027-Q1" })).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(await list({ stage: "RENEWAL_PENDING" })).toEqual(["Bravo", "Delta"]);
    expect(await list({ risk: "HIGH" })).toEqual(["Echo"]);
    expect(await list({ risk: "MEDIUM" })).toEqual(["Alpha", "Charlie"]);
    expect(await list({ csm: fox.id })).toEqual(["Charlie", "Delta"]);
    expect(await list({ csm: "none" })).toEqual(["Echo"]);
    expect(await list({ segment: "SCALE" })).toEqual(["Echo", "Delta"]);
    expect(await list({ q: "arli" })).toEqual(["Charlie"]);
    expect(await list({ segment: "MID_MARKET", quarter: "2027-Q1", stage: "NEGOTIATION" })).toEqual(["Charlie"]);
  });

  it("sorts and pages in SQL, with days to renewal and the latest risk", async () => {
    const { manager } = await pipeline();
    const byArr = await listRenewals(manager, params({ sort: "arr", dir: "desc", perPage: "5" }), NOW);
    expect(names(byArr.page.data)).toEqual(["Alpha", "Charlie", "Bravo", "Delta", "Echo"]);
    const byRisk = await listRenewals(manager, params({ sort: "risk", dir: "desc" }), NOW);
    expect(byRisk.page.data.map((row) => [row.accountName, row.risk])).toEqual([
      ["Echo", "HIGH"],
      ["Alpha", "MEDIUM"],
      ["Charlie", "MEDIUM"],
      ["Bravo", "LOW"],
      ["Delta", null],
    ]);
    const second = await listRenewals(manager, params({ perPage: "5", page: "1", sort: "account" }), NOW);
    expect(second.page).toMatchObject({ count: 5, totalPages: 1 });
    const echo = byRisk.page.data[0];
    expect(echo).toMatchObject({ quarter: "2026-Q4", daysToRenewal: 27, csmName: null });
    expect((await listRenewals(manager, params({}), NOW)).quarters).toEqual(["2026-Q4", "2027-Q1", "2027-Q2"]);
  });

  it("shows a CSM their accounts' renewals and an AE their accounts', read-only", async () => {
    const { dana, ae } = await pipeline();
    const mine = (await listRenewals(dana, params({}), NOW)).page.data;
    expect(names(mine)).toEqual(["Alpha", "Bravo"]);
    expect(mine.every((row) => row.canMove)).toBe(true);
    // The AE sold every deal here, so sees every account, and may move none of them.
    const aeRows = (await listRenewals(ae, params({}), NOW)).page.data;
    expect(aeRows).toHaveLength(5);
    expect(aeRows.some((row) => row.canMove)).toBe(false);
    const stranger = await createUser("AE");
    expect((await listRenewals(stranger, params({}), NOW)).page.count).toBe(0);
  });

  it("exports exactly the rows of the current view, every page, as CSV", async () => {
    const { manager } = await pipeline();
    const view = params({ segment: "MID_MARKET", sort: "arr", dir: "desc", perPage: "5" });
    const shown = [];
    for (let page = 1; ; page++) {
      const result = await listRenewals(manager, { ...view, perPage: 5, page }, NOW);
      shown.push(...result.page.data);
      if (page >= result.page.totalPages) break;
    }
    const all = await listAllRenewals(manager, view, NOW);
    expect(all).toEqual(shown);
    const csv = renewalsCsv(all).trim().split("\r\n");
    expect(csv).toEqual([
      "account,renewal,quarter,renewal_date,days_to_renewal,stage,risk,csm,segment,arr,closed_amount",
      `Charlie,${all[0]?.name},2027-Q1,2027-03-30,127,Negotiation,Medium,Fox Mulder,Mid-Market,90000.00,`,
      `Bravo,${all[1]?.name},2027-Q1,2027-02-20,89,Renewal pending,Low,Dana Scully,Mid-Market,80000.00,`,
    ]);
  });
});

describe("the CSM's book and calendars", () => {
  async function book() {
    const csm = await createUser("CSM");
    const account = await createAccount({ name: "Book Co", csmId: csm.id });
    const make = (type: "KICKOFF" | "QBR" | "CHECK_IN", dueDate: string, ownerId: string | null = csm.id) =>
      prisma.touchpoint.create({ data: { accountId: account.id, type, dueDate: day(dueDate), ruleDate: day(dueDate), ownerId } });
    const overdue = await make("KICKOFF", "2026-11-19");
    const upcoming = await make("QBR", "2027-01-10");
    const unowned = await make("CHECK_IN", "2026-12-01", null);
    return { csm, account, overdue, upcoming, unowned };
  }

  it("lists overdue and upcoming touchpoints and marks one done with notes, once", async () => {
    const { csm, overdue, upcoming, unowned } = await book();
    const before = await getBook(csm, NOW);
    expect(before.overdue.map((t) => t.id)).toEqual([overdue.id]);
    expect(before.upcoming.map((t) => t.id)).toEqual([unowned.id, upcoming.id]);

    await completeTouchpoint(csm, { touchpointId: overdue.id, notes: "Kick-off held with the champion." }, NOW);
    expect(await prisma.touchpoint.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ status: "DONE", notes: "Kick-off held with the champion.", completedAt: NOW });
    await expect(completeTouchpoint(csm, { touchpointId: overdue.id, notes: "" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await getBook(csm, NOW);
    expect(after.overdue).toEqual([]);
    expect(after.done.map((t) => t.id)).toEqual([overdue.id]);
  });

  it("shows the first rows of a long list with its true count, and the whole list when the CSM opens it", async () => {
    const { csm, account, unowned, upcoming } = await book();
    // 60 more in the next 120 days, one a day from 2027-01-11 (after the QBR) to 2027-03-11; with the two above, 62.
    await prisma.touchpoint.createMany({
      data: Array.from({ length: 60 }, (_, i) => {
        const dueDate = new Date(Date.UTC(2027, 0, 11 + i));
        return { accountId: account.id, type: "CHECK_IN" as const, dueDate, ruleDate: dueDate, ownerId: csm.id };
      }),
    });
    const first = await getBook(csm, NOW);
    expect(first.counts).toEqual({ overdue: 1, upcoming: 62 });
    expect(first.upcoming).toHaveLength(BOOK_LIST_ROWS);
    expect(first.upcoming.slice(0, 2).map((t) => t.id)).toEqual([unowned.id, upcoming.id]);
    expect(first.upcoming.at(-1)?.dueDate).toEqual(day("2027-02-27"));
    expect(first.expanded).toBeNull();

    expect([bookListParam("upcoming"), bookListParam("overdue"), bookListParam("all"), bookListParam(undefined)]).toEqual(["upcoming", "overdue", null, null]);
    const all = await getBook(csm, NOW, bookListParam("upcoming"));
    expect(all.counts).toEqual({ overdue: 1, upcoming: 62 });
    expect(all.upcoming).toHaveLength(62);
    expect(all.upcoming.at(-1)?.dueDate).toEqual(day("2027-03-11"));
    expect(all.overdue).toHaveLength(1);
    expect(all.expanded).toBe("upcoming");
  });

  it("refuses other CSMs and AEs", async () => {
    const { upcoming } = await book();
    await expect(completeTouchpoint(await createUser("CSM"), { touchpointId: upcoming.id, notes: "" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeTouchpoint(await createUser("AE"), { touchpointId: upcoming.id, notes: "" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.touchpoint.findUniqueOrThrow({ where: { id: upcoming.id } })).status).toBe("PLANNED");
  });

  it("serves the CSM's touchpoints at a secret-token feed that stops working when regenerated", async () => {
    const { csm, account, upcoming } = await book();
    const token = await ensureCalendarToken(csm);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(await ensureCalendarToken(csm)).toBe(token);
    const feed = (await calendarFeed(token, NOW))?.replace(/\r\n /g, "");
    expect(feed).toContain(`UID:touchpoint-${upcoming.id}@baton`);
    expect(feed).toContain("DTSTART;VALUE=DATE:20270110");
    expect(feed).toContain("SUMMARY:QBR: Book Co");
    expect(await calendarFeed("not-a-real-token-at-all-0000", NOW)).toBeNull();

    const fresh = await regenerateCalendarToken(csm);
    expect(fresh).not.toBe(token);
    expect(await calendarFeed(token, NOW)).toBeNull();
    expect(await calendarFeed(fresh, NOW)).toContain("BEGIN:VCALENDAR");

    const download = await accountCalendar(csm, account.id, NOW);
    expect(download.fileName).toBe("book-co-touchpoints.ics");
    expect(download.ics).toContain(`UID:touchpoint-${upcoming.id}@baton`);
    await expect(accountCalendar(await createUser("CSM"), account.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the account page's writes", () => {
  it("re-assesses risk with the live health and usage", async () => {
    const { csm, ae, account } = await renewalWithArr();
    const before = await prisma.riskAssessment.count({ where: { accountId: account.id } });
    const risk = await updateHealthAndUsage(csm, { accountId: account.id, healthScore: 45, usagePct: 22.5 }, NOW);
    expect(risk.overall).toBe("HIGH");
    const latest = await prisma.riskAssessment.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ trigger: "health_update", overall: "HIGH", createdById: csm.id });
    const usage = (latest.factors as { factor: string; level: string; reason: string }[]).find((f) => f.factor === "usage_prediction");
    expect(usage).toMatchObject({ level: "HIGH", reason: "Low adoption: usage 22.5% of entitlement, health 45/100" });
    expect(await prisma.riskAssessment.count({ where: { accountId: account.id } })).toBe(before + 1);
    expect(await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ healthScore: 45 });

    await expect(updateHealthAndUsage(ae, { accountId: account.id, healthScore: 90, usagePct: 90 }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateHealthAndUsage(csm, { accountId: account.id, healthScore: 101, usagePct: 10 }, NOW)).rejects.toThrow();

    const view = await getAccount(csm, account.id, NOW);
    expect(view.timeline.map((entry) => entry.title)).toContain("Risk assessed: High");
    expect(view.timeline.map((entry) => entry.title)).toContain("Health 70 → 45, usage 0% → 22.5%");
    expect(view.permissions).toEqual({ canManage: true, canIdentifyExpansion: true, canMoveRenewals: true });
    expect((await getAccount(ae, account.id, NOW)).permissions).toEqual({ canManage: false, canIdentifyExpansion: true, canMoveRenewals: false });
  });

  it("records go-live and first value, refusing dates in the future", async () => {
    const { csm, account } = await renewalWithArr();
    await expect(recordMilestones(csm, { accountId: account.id, goLiveAt: "2026-12-01", firstValueAt: "" }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { goLiveAt: ["Record the date it happened: it cannot be in the future"] },
    });
    await recordMilestones(csm, { accountId: account.id, goLiveAt: "2026-11-21", firstValueAt: "2026-11-22" }, NOW);
    const saved = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(saved.goLiveAt?.toISOString().slice(0, 10)).toBe("2026-11-21");
    expect(saved.firstValueAt?.toISOString().slice(0, 10)).toBe("2026-11-22");
  });

  it("opens one Expansion handoff when an expansion is identified, and tells the AE", async () => {
    const { csm, ae, account } = await renewalWithArr();
    const { handoffId } = await identifyExpansion(csm, { accountId: account.id, potential: "40000", notes: "Wants the analytics add-on" }, NOW);
    expect(await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ type: "EXPANSION", dealId: null, status: "IN_PROGRESS", accountId: account.id });
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).expansionPotentialCents).toBe(4_000_000n);
    const [notification] = await prisma.notification.findMany({ where: { kind: "expansion_identified" } });
    expect(notification).toMatchObject({ userId: ae.id, link: `/accounts/${account.id}` });
    expect(notification?.body).toContain("Estimated potential: $40,000. Notes: Wants the analytics add-on");
    await expect(identifyExpansion(csm, { accountId: account.id, potential: "", notes: "" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(identifyExpansion(await createUser("LEADERSHIP"), { accountId: account.id, potential: "", notes: "" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the notification centre", () => {
  it("lists, counts and marks read only the user's own notifications", async () => {
    const me = await createUser("CSM");
    const other = await createUser("CSM");
    const mine = await prisma.notification.create({ data: { userId: me.id, kind: "test", title: "Mine", link: "/book" } });
    await prisma.notification.create({ data: { userId: me.id, kind: "test", title: "Mine too" } });
    const theirs = await prisma.notification.create({ data: { userId: other.id, kind: "test", title: "Theirs" } });

    expect(await unreadNotificationCount(me)).toBe(2);
    await expect(markNotificationRead(me, { notificationId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markNotificationRead(me, { notificationId: mine.id }, NOW);
    expect(await unreadNotificationCount(me)).toBe(1);
    const unread = await listNotifications(me, { page: 1, perPage: 25, show: "unread" });
    expect(unread.data.map((n) => n.title)).toEqual(["Mine too"]);
    expect(await markAllNotificationsRead(me)).toEqual({ marked: 1 });
    expect(await unreadNotificationCount(me)).toBe(0);
    expect(await unreadNotificationCount(other)).toBe(1);
  });
});
