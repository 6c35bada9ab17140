import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { searchTokenUsers, tokenUsersQuery } from "@/lib/server/api-tokens/list-api-tokens";
import { findFilterPerson, peopleQuery, searchFilterPeople } from "@/lib/server/people/filter-people";
import { createAccount, createDeal, createUser } from "./support/fixtures";

// The list pickers' look-up (GET /api/people): who each role may find, the limit, the prefix match, the refusals.

const query = (input: Record<string, string>) => peopleQuery.parse(input);
const names = (people: { name: string }[]) => people.map((person) => person.name);

async function company() {
  const [manager, leader, admin] = await Promise.all([createUser("CS_MANAGER"), createUser("LEADERSHIP"), createUser("ADMIN")]);
  const dana = await createUser("CSM", { name: "Dana Scully", email: "dana@example.test" });
  const fox = await createUser("CSM", { name: "Fox Mulder", email: "fox@example.test" });
  const walter = await createUser("CSM", { name: "Walter Skinner", email: "ws@example.test" });
  const ae = await createUser("AE", { name: "Alex Krycek", email: "alex@example.test" });
  const otherAe = await createUser("AE", { name: "Jeffrey Spender", email: "jeff@example.test" });
  // Alex is the AE of Dana's account and sold a deal on Fox's; Walter's account is Jeffrey's only.
  await createAccount({ csmId: dana.id, aeId: ae.id });
  const foxAccount = await createAccount({ csmId: fox.id, aeId: otherAe.id });
  await createDeal(foxAccount.id, ae.id);
  await createAccount({ csmId: walter.id, aeId: otherAe.id });
  return { manager, leader, admin, dana, fox, walter, ae, otherAe };
}

describe("the people a list may be filtered by", () => {
  it("gives CS managers, leadership and admins every CSM and every AE", async () => {
    const { manager, leader, admin } = await company();
    for (const actor of [manager, leader, admin]) {
      expect(names(await searchFilterPeople(actor, query({ role: "CSM" })))).toEqual(["Dana Scully", "Fox Mulder", "Walter Skinner"]);
      expect(names(await searchFilterPeople(actor, query({ role: "AE" })))).toEqual(["Alex Krycek", "Jeffrey Spender"]);
    }
  });

  it("gives an AE only the CSMs of the accounts they see, and refuses them the AEs", async () => {
    const { ae, walter } = await company();
    expect(names(await searchFilterPeople(ae, query({ role: "CSM" })))).toEqual(["Dana Scully", "Fox Mulder"]);
    expect(await findFilterPerson(ae, "CSM", walter.id)).toBeNull();
    await expect(searchFilterPeople(ae, query({ role: "AE" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await findFilterPerson(ae, "AE", ae.id)).toBeNull();
  });

  it("gives a CSM only the AEs of their own book, and refuses them the CSMs", async () => {
    const { dana, fox, ae, otherAe } = await company();
    expect(names(await searchFilterPeople(dana, query({ role: "AE" })))).toEqual(["Alex Krycek"]);
    expect(names(await searchFilterPeople(fox, query({ role: "AE" })))).toEqual(["Jeffrey Spender"]);
    expect(await findFilterPerson(dana, "AE", otherAe.id)).toBeNull();
    expect(await findFilterPerson(dana, "AE", ae.id)).toMatchObject({ id: ae.id, name: "Alex Krycek" });
    await expect(searchFilterPeople(dana, query({ role: "CSM" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await findFilterPerson(dana, "CSM", fox.id)).toBeNull();
  });

  it("matches the start of the name, of a word of it, or of the e-mail, case-insensitively; % and _ are plain text", async () => {
    const { manager } = await company();
    const find = async (q: string) => names(await searchFilterPeople(manager, query({ role: "CSM", q })));
    expect(await find("fo")).toEqual(["Fox Mulder"]);
    expect(await find("SKIN")).toEqual(["Walter Skinner"]);
    expect(await find("ws@")).toEqual(["Walter Skinner"]);
    expect(await find("ulder")).toEqual([]);
    expect(await find("%")).toEqual([]);
    expect(await find("_")).toEqual([]);
  });

  it("returns at most the limit asked, never more than 20, in name order", async () => {
    const { manager } = await company();
    await prisma.user.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ email: `many${i}@example.test`, name: `Many ${String(i).padStart(2, "0")}`, role: "CSM" as const })) });
    const all = await searchFilterPeople(manager, query({ role: "CSM", q: "many" }));
    expect(all).toHaveLength(20);
    expect(names(all)).toEqual(Array.from({ length: 20 }, (_, i) => `Many ${String(i).padStart(2, "0")}`));
    expect(await searchFilterPeople(manager, query({ role: "CSM", q: "many", limit: "5" }))).toHaveLength(5);
    expect(peopleQuery.safeParse({ role: "CSM", limit: "21" }).success).toBe(false);
    expect(peopleQuery.safeParse({ role: "CS_MANAGER" }).success).toBe(false);
  });

  it("names the person of a URL only when they have the role asked", async () => {
    const { manager, dana, ae } = await company();
    expect(await findFilterPerson(manager, "CSM", dana.id)).toEqual({ id: dana.id, name: "Dana Scully", email: "dana@example.test" });
    expect(await findFilterPerson(manager, "CSM", ae.id)).toBeNull();
    expect(await findFilterPerson(manager, "AE", "no-such-user")).toBeNull();
  });
});

describe("the users an API token may act as (the token form's picker)", () => {
  it("gives an admin the active users of every role by what is typed, at most 20, and refuses everyone else", async () => {
    const { manager, leader, admin, dana, ae } = await company();
    await createUser("AE", { name: "Gone Away", email: "gone@example.test", active: false });
    const all = await searchTokenUsers(admin, tokenUsersQuery.parse({}));
    expect(all).toHaveLength(8);
    expect(all.map((user) => user.name)).toEqual([...all.map((user) => user.name)].sort());
    expect(all.find((user) => user.id === dana.id)).toMatchObject({ role: "CSM", email: "dana@example.test" });
    expect(all.some((user) => user.name === "Gone Away")).toBe(false);
    expect(await searchTokenUsers(admin, tokenUsersQuery.parse({ q: "alex@" }))).toEqual([{ id: ae.id, name: "Alex Krycek", email: "alex@example.test", role: "AE" }]);
    expect(await searchTokenUsers(admin, tokenUsersQuery.parse({ q: "gone" }))).toEqual([]);
    for (let i = 0; i < 21; i += 1) await createUser("LEADERSHIP", { name: `Board ${String(i).padStart(2, "0")}` });
    expect(await searchTokenUsers(admin, tokenUsersQuery.parse({ q: "board" }))).toHaveLength(20);
    for (const actor of [manager, leader, dana, ae]) await expect(searchTokenUsers(actor, tokenUsersQuery.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
