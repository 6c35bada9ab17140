import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { identifyExpansion } from "@/lib/server/accounts/identify-expansion";
import { flowPeopleQuery, searchFlowPeople } from "@/lib/server/handoffs/flows/flow-people";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// The Expansion coordination's pickers (GET /api/handoffs/{id}/people): the people each step accepts, looked up by
// prefix, for those who may record the step on that open handoff only.

const NOW = new Date("2026-11-23T15:00:00Z");
const query = (input: Record<string, string>) => flowPeopleQuery.parse(input);
const names = (people: { name: string }[]) => people.map((person) => person.name);

async function coordination() {
  const ae = await createUser("AE", { name: "Alex Krycek", email: "alex@example.test" });
  const jeffrey = await createUser("AE", { name: "Jeffrey Spender", email: "js@example.test" });
  await createUser("AE", { name: "Diana Fowley", email: "diana@example.test", active: false });
  const csm = await createUser("CSM", { name: "Dana Scully", email: "dana@example.test" });
  const fox = await createUser("CSM", { name: "Fox Mulder", email: "fox@example.test" });
  const [manager, leader] = await Promise.all([createUser("CS_MANAGER", { name: "Walter Skinner" }), createUser("LEADERSHIP", { name: "Mr X" })]);
  const account = await createAccount({ csmId: csm.id, aeId: ae.id });
  const { handoffId } = await identifyExpansion(csm, { accountId: account.id, potential: "", notes: "Finance wants dashboards" }, NOW);
  return { ae, jeffrey, csm, fox, manager, leader, account, handoffId };
}

describe("who may own or lead an expansion, looked up by what is typed", () => {
  it("offers the active AEs as the deal's owner, and the active AEs and CSMs, with their role, as its lead", async () => {
    const { ae, handoffId } = await coordination();
    expect(names(await searchFlowPeople(ae, handoffId, query({ for: "owner" })))).toEqual(["Alex Krycek", "Jeffrey Spender"]);
    const leads = await searchFlowPeople(ae, handoffId, query({ for: "lead" }));
    expect(leads.map((p) => `${p.name} ${p.role}`)).toEqual(["Alex Krycek AE", "Dana Scully CSM", "Fox Mulder CSM", "Jeffrey Spender AE"]);
  });

  it("matches the start of a name, of a word in it, or of the e-mail, and gives at most 20", async () => {
    const { csm, handoffId } = await coordination();
    expect(names(await searchFlowPeople(csm, handoffId, query({ for: "lead", q: "spe" })))).toEqual(["Jeffrey Spender"]);
    expect(names(await searchFlowPeople(csm, handoffId, query({ for: "owner", q: "js@" })))).toEqual(["Jeffrey Spender"]);
    expect(names(await searchFlowPeople(csm, handoffId, query({ for: "owner", q: "dana" })))).toEqual([]);
    expect(await searchFlowPeople(csm, handoffId, query({ for: "owner", q: "%" }))).toEqual([]);
    for (let i = 0; i < 22; i += 1) await createUser("AE", { name: `Zed ${String(i).padStart(2, "0")}` });
    const zeds = await searchFlowPeople(csm, handoffId, query({ for: "owner", q: "zed" }));
    expect(zeds).toHaveLength(20);
    expect(zeds[0]?.name).toBe("Zed 00");
  });

  it("answers the account's AE and CSM and a CS manager; refuses leadership, and hides the handoff from another CSM", async () => {
    const { ae, csm, fox, manager, leader, handoffId } = await coordination();
    for (const actor of [ae, csm, manager]) expect(await searchFlowPeople(actor, handoffId, query({ for: "owner" }))).toHaveLength(2);
    await expect(searchFlowPeople(leader, handoffId, query({ for: "owner" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchFlowPeople(fox, handoffId, query({ for: "lead" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a closed coordination and a handoff of another kind", async () => {
    const { ae, csm, account, handoffId } = await coordination();
    await prisma.handoff.update({ where: { id: handoffId }, data: { status: "COMPLETED", completedAt: NOW } });
    await expect(searchFlowPeople(csm, handoffId, query({ for: "owner" }))).rejects.toMatchObject({ code: "CONFLICT" });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: new Date("2027-02-01T00:00:00Z") });
    const renewalHandoff = await prisma.handoff.create({ data: { type: "RENEWAL", status: "IN_PROGRESS", accountId: account.id, renewalOpportunityId: renewal.id, startedAt: NOW, dueAt: NOW } });
    await expect(searchFlowPeople(csm, renewalHandoff.id, query({ for: "owner" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("asks for owner or lead and a short text", () => {
    expect(flowPeopleQuery.safeParse({ for: "everyone" }).success).toBe(false);
    expect(flowPeopleQuery.safeParse({ for: "lead", q: "x".repeat(101) }).success).toBe(false);
  });
});
