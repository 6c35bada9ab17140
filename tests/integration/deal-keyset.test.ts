import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { DealStage } from "@/lib/generated/prisma/enums";
import { dealListParams, listDeals, type DealRow } from "@/lib/server/deals/list-deals";
import { stopBoss } from "@/lib/server/jobs/boss";
import { createAccount, createDeal, createUser } from "./support/fixtures";

// /deals pages by cursor (lib/keyset.ts) like the renewal pipeline: Next carries the last row's sort keys, Previous
// the first's. Walking a filtered, sorted list page by page while deals are inserted, changed and deleted between
// the pages, no deal is shown twice and none that stayed in place is skipped: a page starts after the last row the
// user saw, wherever the rows before it went. A deal inserted before that row is not on the later pages (it is on
// the earlier ones, as Previous or a reload of page 1 shows); one inserted after it is shown once, in its place.

const NOW = new Date("2026-11-25T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PER_PAGE = 5; // the smallest page the lists take

afterAll(async () => {
  await stopBoss();
});

type Actor = Awaited<ReturnType<typeof createUser>>;
type Query = Record<string, string>;

const DATES = ["2026-12-01", "2027-01-15", "2027-01-15", "2026-10-01"];
const STAGES: DealStage[] = ["NEGOTIATION", "PROSPECTING", "CLOSED_WON", "PROPOSAL", "CLOSED_LOST", "DISCOVERY"];

/** A deal on one of the company's accounts, its keys chosen by `i` so that sorts meet ties (dates, amounts, names). */
async function makeDeal(accounts: { id: string }[], ownerId: string, i: number, name: string) {
  const deal = await createDeal(accounts[i % accounts.length]!.id, ownerId);
  const stage = STAGES[i % STAGES.length]!;
  return prisma.deal.update({
    where: { id: deal.id },
    data: { name, stage, closeDate: day(DATES[i % DATES.length]!), amountCents: BigInt(1 + (i % 3)) * 1_000_000n, closedWonAt: stage === "CLOSED_WON" ? NOW : null },
  });
}

/** 17 deals of one AE on accounts named with this company's token (the search), and 3 on another's accounts. */
async function company() {
  const token = `Keyset ${randomUUID().slice(0, 8)}`;
  const [ae, manager] = await Promise.all([createUser("AE"), createUser("CS_MANAGER")]);
  const accounts = [await createAccount({ name: `${token} Alpha` }), await createAccount({ name: `${token} Beta` })];
  const other = await createAccount({ name: `Elsewhere ${randomUUID().slice(0, 8)}` });
  for (let i = 0; i < 17; i++) await makeDeal(accounts, ae.id, i, `Deal ${String.fromCharCode(65 + (i % 7))}`);
  for (let i = 0; i < 3; i++) await makeDeal([other], ae.id, i, `Unrelated ${i}`);
  return { ae, manager, accounts, token };
}

const list = (actor: Actor, query: Query) => listDeals(actor, dealListParams.parse({ perPage: String(PER_PAGE), ...query }), NOW);
const ids = (rows: DealRow[]) => rows.map((row) => row.id);
/** The whole view at once (pages of 200, the most a page takes): the list's order, to compare the walk with. */
const whole = async (actor: Actor, query: Query) => ids((await listDeals(actor, dealListParams.parse({ ...query, perPage: "200" }), NOW)).data);

const SORTS: Query[] = [
  {},
  { sort: "name", dir: "asc" },
  { sort: "name", dir: "desc" },
  { sort: "closeDate", dir: "asc" },
  { sort: "closeDate", dir: "desc" },
  { sort: "amountCents", dir: "desc" },
  { sort: "stage", dir: "asc" },
];

describe("keyset paging of the deals list", () => {
  it.each(SORTS)("walks a searched list with deals inserted, changed and deleted between pages, each deal once (%o)", async (sort) => {
    const { ae, manager, accounts, token } = await company();
    const view = { ...sort, q: token };
    const before = await whole(manager, view);
    expect(before).toHaveLength(17);

    const seen: string[] = [];
    const insertedBehind: string[] = [];
    let deleted: string | null = null;
    let changed: { id: string; amountCents: bigint } | null = null;
    let query: Query = view;
    for (let pageNo = 1; pageNo <= 10; pageNo++) {
      const { data, next, currentPage } = await list(manager, query);
      expect(currentPage).toBe(pageNo);
      seen.push(...ids(data));
      if (changed) {
        const shown = data.find((row) => row.id === changed?.id);
        if (shown) expect(shown.amountCents).toBe(changed.amountCents);
      }
      if (!next) break;
      // Between the pages: a deal sorting first and one sorting last in most orders (and one more at an ordinary
      // place), a visible change to a deal not yet shown, and one deal not yet shown deleted.
      const last = data[data.length - 1]!;
      for (const [i, name] of [[3, "Aaa first"], [4, "Zzz last"], [pageNo, `Deal ${String.fromCharCode(65 + pageNo)}`]] as const) {
        const inserted = await makeDeal(accounts, ae.id, i + pageNo * 6, name);
        const order = await whole(manager, view);
        if (order.indexOf(inserted.id) < order.indexOf(last.id)) insertedBehind.push(inserted.id);
      }
      const unseen = (await whole(manager, view)).filter((id) => !seen.includes(id) && id !== deleted);
      if (pageNo === 1 && unseen.length > 2) {
        deleted = unseen[0]!;
        await prisma.deal.delete({ where: { id: deleted } });
        if (sort.sort !== "amountCents") changed = { id: unseen[1]!, amountCents: 987_654_00n };
        if (changed) await prisma.deal.update({ where: { id: changed.id }, data: { amountCents: changed.amountCents } });
      }
      query = { ...view, after: next, page: String(currentPage + 1) };
    }

    // The walk is the final list minus the deals inserted before the last row seen at the time: every deal once,
    // in the list's order, the deleted one gone, the changed one with its new amount.
    const after = await whole(manager, view);
    expect(new Set(seen).size).toBe(seen.length);
    expect(insertedBehind.length).toBeGreaterThan(0);
    expect(seen).toEqual(after.filter((id) => !insertedBehind.includes(id)));
    expect(deleted).not.toBeNull();
    expect(seen).not.toContain(deleted);
    for (const id of before.filter((id) => id !== deleted)) expect(seen.filter((s) => s === id)).toHaveLength(1);
  });

  it("goes back with Previous through the same pages, and a page reached by its number is the same page", async () => {
    const { manager, token } = await company();
    for (const sort of SORTS) {
      const view = { ...sort, q: token };
      const pages: string[][] = [];
      let page = await list(manager, view);
      pages.push(ids(page.data));
      while (page.next) {
        page = await list(manager, { ...view, after: page.next, page: String(page.currentPage + 1) });
        pages.push(ids(page.data));
      }
      expect(pages).toHaveLength(4);
      expect(pages.flat()).toEqual(await whole(manager, view));
      const back: string[][] = [ids(page.data)];
      while (page.previous) {
        page = await list(manager, { ...view, before: page.previous, page: String(page.currentPage - 1) });
        back.unshift(ids(page.data));
      }
      expect(page.currentPage).toBe(1);
      expect(back).toEqual(pages);
      expect(ids((await list(manager, { ...view, page: "3" })).data)).toEqual(pages[2]);
    }
  });

  it("orders the default view open soonest first, then closed latest first, ties by id; an AE's walk is their own deals", async () => {
    const { ae, manager, token } = await company();
    const rows = (await listDeals(manager, dealListParams.parse({ q: token, perPage: "200" }), NOW)).data;
    expect(rows).toHaveLength(17);
    const closed = (row: DealRow) => row.stage === "CLOSED_WON" || row.stage === "CLOSED_LOST";
    const key = (row: DealRow) => (closed(row) ? 1e13 - row.closeDate.getTime() : row.closeDate.getTime());
    const expected = [...rows].sort((a, b) => (key(a) !== key(b) ? key(a) - key(b) : a.id < b.id ? -1 : 1));
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows.findIndex(closed)).toBeGreaterThan(0);

    // The AE's list (their 20 deals, without a search) walks to the same deals as the whole view.
    const walked: string[] = [];
    let page = await list(ae, {});
    walked.push(...ids(page.data));
    while (page.next) {
      page = await list(ae, { after: page.next, page: String(page.currentPage + 1) });
      walked.push(...ids(page.data));
    }
    expect(page.count).toBe(20);
    expect(walked).toHaveLength(20);
    expect(walked).toEqual(await whole(ae, {}));
  });

  it("shows a deal that moves on: moved past the last row seen it is shown again in its new place; moved before it, not again", async () => {
    const { manager, token } = await company();
    const view = { q: token };
    const first = await list(manager, view);
    const onFirst = first.data[0]!;
    const unseen = (await whole(manager, view)).slice(PER_PAGE + 1);
    const movedBack = unseen[unseen.length - 1]!;
    // The first deal shown closes much later (an open deal due in 2030 sorts after every open one due sooner), and an
    // unseen one moves to the very top (open, due in 2020).
    await prisma.deal.update({ where: { id: onFirst.id }, data: { closeDate: day("2030-06-01"), stage: "NEGOTIATION" } });
    await prisma.deal.update({ where: { id: movedBack }, data: { closeDate: day("2020-01-01"), stage: "NEGOTIATION" } });
    const seen = ids(first.data);
    let page = first;
    while (page.next) {
      page = await list(manager, { ...view, after: page.next, page: String(page.currentPage + 1) });
      seen.push(...ids(page.data));
    }
    expect(seen).toHaveLength(17);
    expect(seen.filter((id) => id === onFirst.id)).toHaveLength(2);
    expect(seen).not.toContain(movedBack);
    // Page 1 again shows the deal moved to the top.
    expect((await list(manager, view)).data[0]?.id).toBe(movedBack);
  });
});
