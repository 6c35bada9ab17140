import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { dealListParams, listDeals } from "@/lib/server/deals/list-deals";
import { createAccount, createDeal, createUser } from "./support/fixtures";

// /deals?q= finds a deal by its own name or its account's, whatever the case, among the deals the person may see,
// ordered and paged like the list.

const NOW = new Date("2026-11-25T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

async function company() {
  const [ae, other, manager] = await Promise.all([createUser("AE"), createUser("AE"), createUser("CS_MANAGER")]);
  const northwind = await createAccount({ name: "Northwind Traders" });
  const contoso = await createAccount({ name: "Contoso" });
  const deal = async (accountId: string, ownerId: string, name: string, stage: "NEGOTIATION" | "CLOSED_WON" | "CLOSED_LOST", closeDate: Date) =>
    prisma.deal.update({ where: { id: (await createDeal(accountId, ownerId)).id }, data: { name, stage, closeDate, closedWonAt: stage === "CLOSED_WON" ? closeDate : null } });
  await deal(northwind.id, ae.id, "Platform rollout", "NEGOTIATION", day(40));
  await deal(northwind.id, ae.id, "Seats top-up", "CLOSED_WON", day(-10));
  await deal(contoso.id, ae.id, "Northwind referral", "NEGOTIATION", day(5));
  await deal(contoso.id, ae.id, "Analytics 100% add-on", "CLOSED_LOST", day(-90));
  await deal(northwind.id, other.id, "Someone else's Northwind deal", "NEGOTIATION", day(1));
  return { ae, manager };
}

const names = async (actor: Parameters<typeof listDeals>[0], query: Record<string, string>) =>
  (await listDeals(actor, dealListParams.parse(query), NOW)).data.map((row) => row.name);

describe("deal search", () => {
  it("matches the deal's or the account's name, open soonest first then closed latest first, only the AE's own", async () => {
    const { ae, manager } = await company();
    expect(await names(ae, { q: "northWIND" })).toEqual(["Northwind referral", "Platform rollout", "Seats top-up"]);
    const all = await listDeals(manager, dealListParams.parse({ q: "northwind" }), NOW);
    expect(all.count).toBe(4);
    expect(all.data.map((row) => row.name)).toEqual(["Someone else's Northwind deal", "Northwind referral", "Platform rollout", "Seats top-up"]);
    expect(all.data[0]?.accountName).toBe("Northwind Traders");
  });

  it("pages, sorts and filters the matches like the list, for every role alike", async () => {
    const { ae, manager } = await company();
    const page = async (n: number) => listDeals(manager, dealListParams.parse({ q: "northwind", perPage: "5", page: String(n) }), NOW);
    expect((await page(1)).data).toHaveLength(4);
    expect((await page(2)).data).toHaveLength(0);
    expect((await page(2)).count).toBe(4);
    expect(await names(ae, { q: "northwind", sort: "name", dir: "asc" })).toEqual(["Northwind referral", "Platform rollout", "Seats top-up"]);
    expect(await names(ae, { q: "northwind", stage: "CLOSED_WON" })).toEqual(["Seats top-up"]);
    expect(await names(ae, { q: "northwind", stage: "CLOSED_WON", wonWithin: "30" })).toEqual(["Seats top-up"]);
    expect(await names(ae, { q: "100%" })).toEqual(["Analytics 100% add-on"]);
    // The manager's search (trigram indexes) and the AE's (their own deals) find the same deals.
    for (const q of ["rollout", "CONTOSO", "100%"]) expect(await names(manager, { q })).toEqual(await names(ae, { q }));
  });
});
