import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleAccounts, visibleAccountsSql } from "@/lib/server/accounts/access";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDeals, visibleDealsSql } from "@/lib/server/deals/deal-access";
import { visibleHandoffs, visibleHandoffsSql } from "@/lib/server/handoffs/access";
import { globalSearch, type SearchKind } from "@/lib/server/search/global-search";
import { createAccount, createCsm, createDeal, createUser } from "./support/fixtures";

// The global search is scoped on the server by the same rules as the lists: a CSM finds their own accounts and
// nobody else's, an AE their own deals, and people are found only by those with a people list.

async function company() {
  const [csmA, csmB] = [await createCsm({ name: "Casey Stone" }), await createCsm({ name: "Corin Vale" })];
  const [aeA, aeB] = [await createUser("AE", { name: "Alex Quill" }), await createUser("AE", { name: "Blair Quill" })];
  const manager = await createUser("CS_MANAGER");
  const leader = await createUser("LEADERSHIP");
  const admin = await createUser("ADMIN");
  const mine = await createAccount({ name: "Zephyrine Mine Co", csmId: csmA.id, aeId: aeA.id });
  const theirs = await createAccount({ name: "Zephyrine Theirs Ltd", csmId: csmB.id, aeId: aeB.id });
  const unassigned = await createAccount({ name: "Zephyrine Orphan Inc" });
  const dealMine = await prisma.deal.update({ where: { id: (await createDeal(mine.id, aeA.id)).id }, data: { name: "Zephyrine Mine platform" } });
  const dealTheirs = await prisma.deal.update({ where: { id: (await createDeal(theirs.id, aeB.id)).id }, data: { name: "Zephyrine Theirs platform" } });
  for (const [account, deal] of [[mine, dealMine], [theirs, dealTheirs]] as const) {
    await prisma.handoff.create({
      data: { type: "NEW_CUSTOMER", accountId: account.id, dealId: deal.id, startedAt: new Date("2026-11-20T15:00:00Z"), dueAt: new Date("2026-11-25T15:00:00Z") },
    });
  }
  await prisma.contact.createMany({
    data: [
      { accountId: mine.id, name: "Zelda Mine Champion", role: "CHAMPION", email: "zelda@mine.example" },
      { accountId: theirs.id, name: "Zelda Theirs Buyer", role: "ECONOMIC_BUYER", email: "zelda@theirs.example" },
    ],
  });
  return { csmA, csmB, aeA, aeB, manager, leader, admin, mine, theirs, unassigned, dealMine, dealTheirs };
}

async function titles(actor: ActingUser, query: string, kind: SearchKind): Promise<string[]> {
  const results = await globalSearch(actor, query);
  return results.groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.title) ?? [];
}

describe("global search", () => {
  it("finds a CSM only their own account, its deal, handoff and contacts — never another CSM's", async () => {
    const { csmA, csmB } = await company();
    expect(await titles(csmA, "zephyrine", "account")).toEqual(["Zephyrine Mine Co"]);
    expect(await titles(csmA, "zephyrine", "deal")).toEqual(["Zephyrine Mine platform"]);
    expect(await titles(csmA, "zephyrine", "handoff")).toEqual(["Zephyrine Mine platform"]);
    expect(await titles(csmA, "zelda", "contact")).toEqual(["Zelda Mine Champion"]);
    expect(await titles(csmB, "zephyrine", "account")).toEqual(["Zephyrine Theirs Ltd"]);
    // Searching the other CSM's account by its exact name finds nothing at all.
    expect((await globalSearch(csmA, "Zephyrine Theirs Ltd")).groups).toEqual([]);
    expect(await titles(csmA, "casey", "person")).toEqual([]);
  });

  it("finds an AE the accounts they sold to and their own deals only", async () => {
    const { aeA } = await company();
    expect(await titles(aeA, "zephyrine", "account")).toEqual(["Zephyrine Mine Co"]);
    expect(await titles(aeA, "platform", "deal")).toEqual(["Zephyrine Mine platform"]);
    expect(await titles(aeA, "zephyrine", "handoff")).toEqual(["Zephyrine Mine platform"]);
  });

  it("finds managers, leadership and admins every account; people only in the lists they have", async () => {
    const { manager, leader, admin } = await company();
    for (const actor of [manager, leader, admin]) {
      expect(await titles(actor, "zephyrine", "account")).toHaveLength(3);
      expect(await titles(actor, "zephyrine", "handoff")).toHaveLength(2);
    }
    // CS managers and leadership find CSMs (the roster); admins find every user (the Users page).
    expect(await titles(manager, "casey", "person")).toEqual(["Casey Stone"]);
    expect(await titles(leader, "quill", "person")).toEqual([]);
    expect(await titles(admin, "quill", "person")).toEqual(["Alex Quill", "Blair Quill"]);
    const [hit] = (await globalSearch(admin, "casey")).groups.find((group) => group.kind === "person")?.hits ?? [];
    expect(hit?.href).toMatch(/^\/admin\/users\?q=csm-.*%40example\.test$/);
  });

  it("ranks the closest name first, finds a CRM id exactly, and takes LIKE's characters literally", async () => {
    const { admin, mine } = await company();
    await createAccount({ name: "Zephyrine" });
    expect((await titles(admin, "zephyrine", "account"))[0]).toBe("Zephyrine");
    expect(await titles(admin, mine.externalId, "account")).toEqual(["Zephyrine Mine Co"]);
    expect(await titles(admin, "ze", "account")).toHaveLength(4);
    expect(await titles(admin, "phy", "account")).toHaveLength(4);
    expect((await globalSearch(admin, "%%")).groups).toEqual([]);
    expect((await globalSearch(admin, "__")).groups).toEqual([]);
  });

  it("refuses a query that is too short or too long with a message naming the field", async () => {
    const { admin } = await company();
    await expect(globalSearch(admin, " z ")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { q: ["Type at least 2 characters."] } });
    await expect(globalSearch(admin, "z".repeat(101))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("the SQL visibility rules agree with the Prisma ones", () => {
  it("select the same accounts, deals and handoffs for every role", async () => {
    const people = await company();
    const actors = [people.csmA, people.csmB, people.aeA, people.aeB, people.manager, people.leader, people.admin];
    expect(actors).toHaveLength(7);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    for (const actor of actors) {
      const accounts = await prisma.account.findMany({ where: visibleAccounts(actor), select: { id: true } });
      const accountsSql = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT a.id FROM "Account" a WHERE ${visibleAccountsSql(actor)}`);
      expect(ids(accountsSql)).toEqual(ids(accounts));

      const deals = await prisma.deal.findMany({ where: visibleDeals(actor), select: { id: true } });
      const dealsSql = await prisma.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT d.id FROM "Deal" d JOIN "Account" a ON a.id = d."accountId" WHERE ${visibleDealsSql(actor)}`,
      );
      expect(ids(dealsSql)).toEqual(ids(deals));

      const handoffs = await prisma.handoff.findMany({ where: visibleHandoffs(actor), select: { id: true } });
      const handoffsSql = await prisma.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT h.id FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId" LEFT JOIN "Deal" d ON d.id = h."dealId" WHERE ${visibleHandoffsSql(actor)}`,
      );
      expect(ids(handoffsSql)).toEqual(ids(handoffs));
    }
    // The rules do narrow: a CSM sees one of the three accounts, a manager all three.
    expect(await prisma.account.count({ where: visibleAccounts(people.csmA) })).toBe(1);
    expect(await prisma.account.count({ where: visibleAccounts(people.manager) })).toBe(3);
  });
});
