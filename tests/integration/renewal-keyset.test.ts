import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { stopBoss } from "@/lib/server/jobs/boss";
import { listAllRenewals, listRenewals, renewalListParams, type RenewalRow } from "@/lib/server/renewals/list-renewals";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// The renewal pipeline pages by cursor (lib/keyset.ts): Next carries the last row's sort keys, Previous the first's.
// Walked either way, the pages hold every row exactly once, in the list's order, ties included.

const NOW = new Date("2026-11-23T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PER_PAGE = 5; // the smallest page the lists take

afterAll(async () => {
  await stopBoss();
});

/** 19 renewals with many ties: four dates, three amounts, risks and CSMs with NULLs, open and closed ones. */
async function pipeline() {
  const ae = await createUser("AE");
  const csms = [await createUser("CSM", { name: "Ann" }), await createUser("CSM", { name: "Ann" }), null];
  const risks: (RiskLevel | null)[] = ["HIGH", null, "LOW", "MEDIUM", "HIGH"];
  const dates = ["2026-12-01", "2027-01-15", "2027-01-15", "2026-10-01"];
  const stages = ["RENEWAL_PENDING", "PLANNING", "CLOSED_WON", "NEGOTIATION", "CLOSED_LOST", "RENEWAL_PENDING"] as const;
  for (let i = 0; i < 19; i++) {
    const account = await createAccount({ name: `Acct ${i % 5}`, csmId: csms[i % 3]?.id, segment: i % 2 ? "SCALE" : "MID_MARKET" });
    const risk = risks[i % 5];
    if (risk) await prisma.riskAssessment.create({ data: { accountId: account.id, overall: risk, factors: [], trigger: "test" } });
    await createRenewal(account.id, ae.id, { renewalDate: day(dates[i % 4]!), stage: stages[i % 6], amountCents: BigInt(1 + (i % 3)) * 1_000_000n });
  }
  return createUser("CS_MANAGER");
}

type Query = Record<string, string>;
const list = (actor: Awaited<ReturnType<typeof pipeline>>, query: Query) => listRenewals(actor, renewalListParams.parse({ perPage: String(PER_PAGE), ...query }), NOW);
const ids = (rows: RenewalRow[]) => rows.map((row) => row.id);

async function walkForward(actor: Awaited<ReturnType<typeof pipeline>>, sort: Query) {
  const pages: string[][] = [];
  let query: Query = { ...sort };
  for (let guard = 0; guard < 20; guard++) {
    const { page } = await list(actor, query);
    expect(page.currentPage).toBe(pages.length + 1);
    pages.push(ids(page.data));
    if (!page.next) return { pages, last: query };
    query = { ...sort, after: page.next, page: String(page.currentPage + 1) };
  }
  throw new Error("did not reach the last page");
}

const SORTS: Query[] = [
  {},
  { sort: "risk", dir: "desc" },
  { sort: "risk", dir: "asc" },
  { sort: "arr", dir: "desc" },
  { sort: "csm", dir: "asc" },
  { sort: "csm", dir: "desc" },
  { sort: "account", dir: "asc" },
  { sort: "stage", dir: "desc" },
  { sort: "renewalDate", dir: "desc" },
];

describe("keyset paging of the renewal pipeline", () => {
  it("orders the default view open soonest first, then closed latest first, ties by id", async () => {
    const manager = await pipeline();
    const all = await listAllRenewals(manager, renewalListParams.parse({}), NOW);
    expect(all).toHaveLength(19);
    const closed = (row: RenewalRow) => row.stage === "CLOSED_WON" || row.stage === "CLOSED_LOST";
    const firstClosed = all.findIndex(closed);
    expect(firstClosed).toBeGreaterThan(0);
    expect(all.slice(firstClosed).every(closed)).toBe(true);
    const key = (row: RenewalRow) => [closed(row) ? -row.renewalDate.getTime() : row.renewalDate.getTime(), row.id] as const;
    const expected = [...all].sort((a, b) => {
      if (closed(a) !== closed(b)) return closed(a) ? 1 : -1;
      const [ka, kb] = [key(a), key(b)];
      return ka[0] !== kb[0] ? ka[0] - kb[0] : ka[1] < kb[1] ? -1 : 1;
    });
    expect(ids(all)).toEqual(ids(expected));
  });

  it.each(SORTS)("covers every row exactly once, in order, going forward and back (%o)", async (sort) => {
    const manager = await pipeline();
    const all = ids(await listAllRenewals(manager, renewalListParams.parse(sort), NOW));
    expect(all).toHaveLength(19);
    const { pages, last } = await walkForward(manager, sort);
    expect(pages).toHaveLength(Math.ceil(19 / PER_PAGE));
    expect(pages.every((rows, i) => rows.length === (i < pages.length - 1 ? PER_PAGE : 19 - PER_PAGE * (pages.length - 1)))).toBe(true);
    expect(pages.flat()).toEqual(all);

    // Back from the last page with Previous: the same pages in reverse, ending on page 1 with no Previous.
    let { page } = await list(manager, last);
    const back: string[][] = [ids(page.data)];
    while (page.previous) {
      page = (await list(manager, { ...sort, before: page.previous, page: String(page.currentPage - 1) })).page;
      back.unshift(ids(page.data));
    }
    expect(page.currentPage).toBe(1);
    expect(back).toEqual(pages);
    // A page reached by its number (an old ?page=N link) is the same page.
    expect(ids((await list(manager, { ...sort, page: "3" })).page.data)).toEqual(pages[2]);
  });

  it("keeps the count and the page count, and reads a bad cursor as none (the page by its number)", async () => {
    const manager = await pipeline();
    const first = (await list(manager, {})).page;
    expect(first).toMatchObject({ count: 19, totalPages: 4, currentPage: 1, previous: null });
    expect(first.next).not.toBeNull();
    const bad = (await list(manager, { after: "not-a-cursor", page: "4" })).page;
    expect(bad.data).toHaveLength(4);
    expect(ids(bad.data)).toEqual(ids((await list(manager, { page: "4" })).page.data));
    // A filter narrows the count the same way (risk HIGH: 7 of the 19).
    expect((await list(manager, { risk: "HIGH" })).page).toMatchObject({ count: 7, totalPages: 2 });
  });
});
