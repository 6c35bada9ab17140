import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listDeals, dealListParams } from "@/lib/server/deals/list-deals";
import { handoffListParams, listHandoffs } from "@/lib/server/handoffs/list-handoffs";
import { getAeHome } from "@/lib/server/home/ae-home";
import { getManagerHome } from "@/lib/server/home/manager-home";
import { listAssignmentQueue, queueParams } from "@/lib/server/assignments/list-assignment-queue";
import { createAccount, createDeal, createUser } from "./support/fixtures";

// Lists open on what needs action first, and each home figure is the count of the list it links to.

const NOW = new Date("2026-11-25T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

async function handoffsOf(ownerId: string) {
  const account = await createAccount();
  const make = async (name: string, status: "IN_PROGRESS" | "SUBMITTED" | "COMPLETED" | "ACKNOWLEDGED", due: Date) => {
    const deal = await prisma.deal.update({ where: { id: (await createDeal(account.id, ownerId)).id }, data: { name } });
    await prisma.handoff.create({
      data: { type: "NEW_CUSTOMER", status, accountId: account.id, dealId: deal.id, startedAt: day(-10), dueAt: due, completedAt: status === "COMPLETED" || status === "ACKNOWLEDGED" ? day(-1) : null },
    });
  };
  await make("done long ago", "ACKNOWLEDGED", day(-300));
  await make("open later", "IN_PROGRESS", day(2));
  await make("done lately", "COMPLETED", day(-2));
  await make("overdue", "SUBMITTED", day(-1));
  await make("open soon", "IN_PROGRESS", day(1));
}

describe("default order of the lists", () => {
  it("lists open handoffs soonest due first (overdue on top), then finished ones newest first, across pages", async () => {
    const ae = await createUser("AE");
    await handoffsOf(ae.id);
    const page = async (n: number) => (await listHandoffs(ae, handoffListParams.parse({ perPage: "5", page: String(n) }), NOW)).data.map((row) => row.dealName);
    expect(await page(1)).toEqual(["overdue", "open soon", "open later", "done lately", "done long ago"]);
    // The page boundary falls inside the open part: the next page continues where the first stopped.
    const small = async (n: number) => (await listHandoffs(ae, { ...handoffListParams.parse({}), perPage: 2, page: n }, NOW)).data.map((row) => row.dealName);
    expect([...(await small(1)), ...(await small(2)), ...(await small(3))]).toEqual(["overdue", "open soon", "open later", "done lately", "done long ago"]);
    // A column sort still sorts by that column.
    const byDue = await listHandoffs(ae, handoffListParams.parse({ sort: "dueAt", dir: "asc" }), NOW);
    expect(byDue.data[0]?.dealName).toBe("done long ago");
  });

  it("lists open deals soonest expected close first, then closed deals latest first", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = async (name: string, stage: "NEGOTIATION" | "CLOSED_WON" | "CLOSED_LOST", closeDate: Date) =>
      prisma.deal.update({ where: { id: (await createDeal(account.id, ae.id)).id }, data: { name, stage, closeDate } });
    await deal("lost old", "CLOSED_LOST", day(-200));
    await deal("open far", "NEGOTIATION", day(60));
    await deal("won recent", "CLOSED_WON", day(-3));
    await deal("open near", "NEGOTIATION", day(5));
    const rows = await listDeals(ae, dealListParams.parse({}), NOW);
    expect(rows.data.map((row) => row.name)).toEqual(["open near", "open far", "won recent", "lost old"]);
  });
});

describe("the CS manager's home", () => {
  it("shows the assignment queue's first ten in the queue's order: the handoff due soonest first, then the oldest", async () => {
    const manager = await createUser("CS_MANAGER");
    // Due long before anything else in the test database, so these twelve lead the company-wide queue.
    const due = (hour: number) => new Date(Date.UTC(2000, 0, 1, hour));
    const made: { id: string; hour: number; created: number }[] = [];
    for (const [index, hour] of [5, 1, 3, 1, 7, 2, 9, 3, 0, 4, 8, 6].entries()) {
      const account = await createAccount();
      const handoff = await prisma.handoff.create({ data: { type: "NEW_CUSTOMER", status: "SUBMITTED", accountId: account.id, ownerId: manager.id, startedAt: due(0), dueAt: due(hour) } });
      const created = 12 - index;
      const assignment = await prisma.csmAssignment.create({ data: { accountId: account.id, handoffId: handoff.id, createdAt: new Date(Date.UTC(1999, 11, created)) } });
      made.push({ id: assignment.id, hour, created });
    }
    const expected = [...made].sort((a, b) => a.hour - b.hour || a.created - b.created).slice(0, 10).map((row) => row.id);
    const home = await getManagerHome(manager, NOW);
    expect(home.pendingAssignments).toHaveLength(10);
    expect(home.pendingAssignments.map((row) => row.id)).toEqual(expected);
    const queue = await listAssignmentQueue(manager, queueParams.parse({ perPage: "10" }), NOW);
    expect(queue.data.map((row) => row.id)).toEqual(expected);
    expect(home.pendingAssignments[0]?.handoff?.dueAt).toEqual(due(0));
  });
});

describe("home figures are the counts of the lists they link to", () => {
  it("counts a manager's and an AE's open and overdue handoffs as /handoffs?status=OPEN and ?overdue=1 list them", async () => {
    const ae = await createUser("AE");
    const manager = await createUser("CS_MANAGER");
    await handoffsOf(ae.id);
    // More open handoffs than the home table shows (10).
    for (let i = 0; i < 11; i += 1) await handoffsOf((await createUser("AE")).id);
    const open = (actor: typeof ae) => listHandoffs(actor, handoffListParams.parse({ status: "OPEN" }), NOW);
    const overdue = (actor: typeof ae) => listHandoffs(actor, handoffListParams.parse({ overdue: "1" }), NOW);

    const managerHome = await getManagerHome(manager, NOW);
    expect(managerHome.openHandoffs).toHaveLength(10);
    expect(managerHome.openCount).toBe(36);
    expect(managerHome.openCount).toBe((await open(manager)).count);
    expect(managerHome.overdueCount).toBe(12);
    expect(managerHome.overdueCount).toBe((await overdue(manager)).count);

    const aeHome = await getAeHome(ae, NOW);
    expect(aeHome.openHandoffCount).toBe(3);
    expect(aeHome.openHandoffCount).toBe((await open(ae)).count);
    expect(aeHome.overdueHandoffCount).toBe(1);
    expect(aeHome.overdueHandoffCount).toBe((await overdue(ae)).count);
  });

  it("counts an AE's recent wins as the deals list filtered to them", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    for (const [daysAgo, stage] of [[3, "CLOSED_WON"], [29, "CLOSED_WON"], [31, "CLOSED_WON"], [2, "NEGOTIATION"]] as const) {
      await prisma.deal.update({ where: { id: (await createDeal(account.id, ae.id)).id }, data: { stage, closedWonAt: stage === "CLOSED_WON" ? day(-daysAgo) : null } });
    }
    const home = await getAeHome(ae, NOW);
    const list = await listDeals(ae, dealListParams.parse({ stage: "CLOSED_WON", wonWithin: "30" }), NOW);
    expect(home.recentWins).toBe(2);
    expect(list.count).toBe(home.recentWins);
  });
});
