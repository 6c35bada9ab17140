import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getAccount } from "@/lib/server/accounts/get-account";
import { getHandoffPageData } from "@/lib/server/handoffs/handoff-page-data";
import { getFlowView } from "@/lib/server/handoffs/flows/flow-view";
import { getHandoffView } from "@/lib/server/handoffs/get-handoff-view";
import { aeVisibleHandoffIds, visibleHandoffs, visibleHandoffsSql } from "@/lib/server/handoffs/access";
import { aeHandoffPage, handoffListParams, handoffPage, listHandoffs } from "@/lib/server/handoffs/list-handoffs";
import { BOOK_LIST_ROWS, getBook } from "@/lib/server/touchpoints/get-book";
import { startSession } from "@/lib/server/auth/sessions";
import { createAccount, createCsm, createDeal, createProduct, createRenewal, createUser, closeToHandoff } from "./support/fixtures";

// The layout's user: the cookie's claims stand in for a signed cookie (tests/unit/session-cookie.test.ts reads real ones).
const claims = vi.hoisted(() => ({ current: null as { userId: string; sessionId: string } | null }));
vi.mock("@/lib/auth/session-cookie", () => ({ sessionClaims: async () => claims.current }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
const { getActingUser } = await import("@/lib/server/session");

// What the heavy pages cost in statements (bench:load: every statement is a round trip and a turn for a pooled
// connection under load). Counted where every statement goes: the pg driver under Prisma's adapter.

const realQuery = pg.Client.prototype.query;
let statements: string[] | null = null;

async function counted<T>(read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  statements = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    statements?.push(typeof config === "string" ? config : (config.text ?? ""));
    return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof realQuery;
  try {
    const result = await read();
    return { result, statements };
  } finally {
    pg.Client.prototype.query = realQuery;
    statements = null;
  }
}

afterEach(() => {
  pg.Client.prototype.query = realQuery;
});

async function richHandoff() {
  const ae = await createUser("AE");
  const csm = await createCsm();
  const account = await createAccount({ csmId: csm.id, expansionPotentialCents: 123_456_789_012n });
  const deal = await createDeal(account.id, ae.id, { amountCents: 9_007_199_254_740_993n });
  const [first, second] = [await createProduct({ technical: true }), await createProduct()];
  await prisma.dealProduct.createMany({ data: [{ dealId: deal.id, productId: first.id }, { dealId: deal.id, productId: second.id }] });
  await prisma.contact.createMany({
    data: [
      { accountId: account.id, name: "Zoe Champion", email: "zoe@client.test", role: "CHAMPION", priority: "HIGH" },
      { accountId: account.id, name: "Adam Buyer", email: "adam@client.test", role: "ECONOMIC_BUYER", priority: "LOW", notes: "Signs" },
    ],
  });
  await prisma.meeting.create({ data: { accountId: account.id, kind: "KICKOFF", startsAt: new Date("2026-11-20T15:30:00.123Z"), attendeeEmails: ["zoe@client.test"], createdById: ae.id } });
  const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
  await prisma.projectMilestone.createMany({
    data: [
      { handoffId, accountId: account.id, name: "Go-live", dueDate: new Date("2027-01-15"), position: 1 },
      { handoffId, accountId: account.id, name: "Kick-off", dueDate: new Date("2026-12-01"), position: 0 },
    ],
  });
  return { ae, csm, account, deal, handoffId };
}

describe("the handoff page's reads", () => {
  it("come back from one statement exactly as Prisma's nested select reads them", async () => {
    const { ae, handoffId } = await richHandoff();
    const { handoff } = await getHandoffView(ae, handoffId);
    const expected = await prisma.handoff.findUniqueOrThrow({
      where: { id: handoffId },
      select: {
        id: true, type: true, status: true, version: true, startedAt: true, dueAt: true, submittedAt: true, completedAt: true, completedWithinSla: true,
        skipReason: true, acknowledgedAt: true, rating: true, ratingComment: true, updatedAt: true,
        account: {
          select: {
            id: true, name: true, segment: true, industry: true, strategic: true, needsOnsite: true, expansionPotentialCents: true, healthScore: true,
            csm: { select: { id: true, name: true, email: true } },
            contacts: { orderBy: [{ priority: "asc" }, { name: "asc" }], select: { name: true, title: true, role: true, email: true, priority: true, notes: true, createdAt: true } },
            meetings: { where: { kind: "KICKOFF" }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
          },
        },
        deal: {
          select: {
            id: true, name: true, amountCents: true, termMonths: true, closeDate: true, contractStart: true, winReason: true, competitor: true, painPoints: true,
            risks: true, technicalRequirements: true, integrations: true, implementationTimeline: true,
            owner: { select: { name: true, email: true } },
            products: { select: { product: { select: { id: true, name: true, technical: true } } } },
          },
        },
        policySteps: { select: { step: true, completedAt: true, data: true } },
        meetings: { orderBy: { startsAt: "asc" }, select: { id: true, kind: true, startsAt: true, durationMinutes: true, attendeeEmails: true, notes: true } },
        documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, originalName: true, sizeBytes: true, tags: true, createdAt: true } },
        emails: { where: { kind: "CLIENT_INTRODUCTION" }, orderBy: { createdAt: "desc" }, select: { subject: true, toEmails: true, ccEmails: true, sentAt: true } },
        milestones: { orderBy: { position: "asc" }, select: { name: true, dueDate: true } },
        assignments: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1, select: { id: true, status: true, suggestedCsm: { select: { name: true } } } },
      },
    });
    const { checklist: _checklist, ...read } = handoff;
    const sortProducts = <T extends { deal: { products: { product: { id: string } }[] } | null }>(value: T) => ({
      ...value,
      deal: value.deal ? { ...value.deal, products: [...value.deal.products].sort((a, b) => a.product.id.localeCompare(b.product.id)) } : null,
    });
    expect(sortProducts(read)).toEqual(sortProducts(expected));
    // The values that a trip through JSON could spoil: money past 2^53, milliseconds, the order of lists.
    expect(read.deal?.amountCents).toBe(9_007_199_254_740_993n);
    expect(read.account.expansionPotentialCents).toBe(123_456_789_012n);
    expect(read.account.meetings[0]?.startsAt.toISOString()).toBe("2026-11-20T15:30:00.123Z");
    expect(read.account.contacts.map((c) => c.name)).toEqual(["Zoe Champion", "Adam Buyer"]);
    expect(read.milestones.map((m) => m.name)).toEqual(["Kick-off", "Go-live"]);
    expect(read.deal?.products).toHaveLength(2);
  });

  it("take six statements: the visibility check (3), the handoff with everything under it, the settings, the template", async () => {
    const { ae, handoffId } = await richHandoff();
    const { result, statements } = await counted(() => getHandoffPageData(ae, handoffId));
    expect(result.view.handoff.id).toBe(handoffId);
    expect(statements).toHaveLength(6);
  });

  it("read no flow for a New Customer handoff beyond the visibility check", async () => {
    const { ae, handoffId } = await richHandoff();
    const { result, statements } = await counted(() => getFlowView(ae, handoffId));
    expect(result).toBeNull();
    expect(statements).toHaveLength(3);
  });

  it("still hide a handoff from another AE", async () => {
    const { handoffId } = await richHandoff();
    const stranger = await createUser("AE");
    await expect(getHandoffView(stranger, handoffId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the signed-in user of every page", () => {
  it("takes one statement: the session with its user (the cookie is decrypted in-process, no session endpoint)", async () => {
    const ae = await createUser("AE");
    claims.current = { userId: ae.id, sessionId: await startSession(ae.id, "10.0.0.1") };
    try {
      const { result, statements } = await counted(() => getActingUser());
      expect(result).toMatchObject({ id: ae.id, role: "AE" });
      expect(statements).toHaveLength(1);
    } finally {
      claims.current = null;
    }
  });
});

describe("the account page's reads", () => {
  it("take a fixed number of statements", async () => {
    const { account } = await richHandoff();
    const admin = await createUser("ADMIN");
    const { result, statements } = await counted(() => getAccount(admin, account.id));
    expect(result.account.id).toBe(account.id);
    expect(result.contacts).toHaveLength(2);
    expect(statements).toHaveLength(28);
  });
});

describe("the CSM's book", () => {
  it("has the touchpoints they own and the unowned ones of their accounts, not another CSM's", async () => {
    const { csm, account, deal } = await richHandoff();
    const other = await createCsm();
    const otherAccount = await createAccount({ csmId: other.id });
    const due = new Date(Date.now() + 3 * 86_400_000);
    await prisma.touchpoint.createMany({
      data: [
        { accountId: account.id, type: "CHECK_IN", dueDate: due, ruleDate: due, notes: "unowned, theirs" },
        { accountId: otherAccount.id, type: "CHECK_IN", dueDate: due, ruleDate: due, ownerId: csm.id, notes: "owned by them elsewhere" },
        { accountId: otherAccount.id, type: "CHECK_IN", dueDate: due, ruleDate: due, notes: "unowned, the other's" },
        { accountId: account.id, type: "CHECK_IN", dueDate: due, ruleDate: due, ownerId: other.id, notes: "theirs, owned by the other" },
      ],
    });
    expect(deal.accountId).toBe(account.id);
    const book = await getBook(csm);
    const notes = [...book.overdue, ...book.upcoming].map((t) => t.notes).filter((n) => n !== "").sort();
    expect(notes).toEqual(["owned by them elsewhere", "unowned, theirs"]);
    // The counts read the same touchpoints as the lists (all of them shown here): not the other CSM's two.
    expect(book.upcoming.length).toBeLessThan(BOOK_LIST_ROWS);
    expect(book.counts).toEqual({ overdue: book.overdue.length, upcoming: book.upcoming.length });
  });
});

describe("an AE's handoffs list", () => {
  it("reads by ids exactly the handoffs visibleHandoffs lets them see", async () => {
    const ae = await createUser("AE");
    const other = await createUser("AE");
    const someoneElse = await createUser("CSM");
    const at = new Date("2026-11-16T15:00:00Z");
    const handoff = (type: "RENEWAL" | "EXPANSION", accountId: string, extra: { ownerId?: string; renewalOpportunityId?: string } = {}) =>
      prisma.handoff.create({ data: { type, accountId, startedAt: at, dueAt: at, ownerId: someoneElse.id, ...extra }, select: { id: true } });
    // Theirs: their deal's handoff, the renewal of what they sold, expansion coordination they lead, of an account
    // they are the AE of, of an account they sold to.
    const sold = await createAccount();
    const ownDeal = await closeToHandoff(ae, (await createDeal(sold.id, ae.id)).id, { at });
    const renewal = await handoff("RENEWAL", sold.id, { renewalOpportunityId: (await createRenewal(sold.id, ae.id, { renewalDate: new Date("2027-11-16") })).id });
    const led = await handoff("EXPANSION", (await createAccount()).id, { ownerId: ae.id });
    const asAe = await handoff("EXPANSION", (await createAccount({ aeId: ae.id })).id);
    const soldTo = await handoff("EXPANSION", sold.id);
    // Not theirs: the other AE's deal, renewal and account.
    const elsewhere = await createAccount({ aeId: other.id });
    await closeToHandoff(other, (await createDeal(elsewhere.id, other.id)).id, { at });
    await handoff("RENEWAL", elsewhere.id, { renewalOpportunityId: (await createRenewal(elsewhere.id, other.id, { renewalDate: new Date("2027-11-16") })).id });
    await handoff("EXPANSION", elsewhere.id);

    const expected = (await prisma.handoff.findMany({ where: visibleHandoffs(ae), select: { id: true } })).map((h) => h.id).sort();
    expect(expected).toEqual([ownDeal, renewal.id, led.id, asAe.id, soldTo.id].sort());
    expect((await aeVisibleHandoffIds(ae.id)).sort()).toEqual(expected);
    // The raw-SQL rule (global search) selects the same five.
    const viaSql = await prisma.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT h.id FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId" LEFT JOIN "Deal" d ON d.id = h."dealId" WHERE ${visibleHandoffsSql(ae)}`,
    );
    expect(viaSql.map((row) => row.id).sort()).toEqual(expected);
    const listed = await listHandoffs(ae, handoffListParams.parse({}));
    expect(listed.count).toBe(5);
    expect(listed.data.map((h) => h.id).sort()).toEqual(expected);
  });

  it("pages, filters and sorts in its one statement exactly as the Prisma list does", async () => {
    const ae = await createUser("AE");
    const lead = await createUser("CSM");
    const now = new Date("2026-11-20T12:00:00Z");
    // Twelve Expansion coordinations the AE leads, statuses and dates mixed (two pairs due at the same instant, for
    // the id tie-break), names with LIKE's own characters; two more of another lead, not theirs.
    const names = ["50% Off Co", "500 Off Co", "Under_Score Co", "Underscore Co", "Back\\slash Co", "Plain Co"];
    const statuses = ["IN_PROGRESS", "SUBMITTED", "COMPLETED", "SKIPPED"] as const;
    for (let i = 0; i < 14; i++) {
      const account = await createAccount({ name: `${names[i % names.length]} ${i}` });
      const status = statuses[i % statuses.length]!;
      const open = status === "IN_PROGRESS" || status === "SUBMITTED";
      await prisma.handoff.create({
        data: {
          type: "EXPANSION",
          accountId: account.id,
          status,
          ownerId: i < 12 ? ae.id : lead.id,
          startedAt: new Date(Date.UTC(2026, 10, 1 + i)),
          dueAt: new Date(Date.UTC(2026, 10, 15 + Math.floor(i / 2), 9)),
          completedAt: open ? null : new Date(Date.UTC(2026, 10, 16 + i)),
        },
      });
    }
    const cases = [
      ...(["action", "dueAt", "startedAt", "status"] as const).flatMap((sort) =>
        (["asc", "desc"] as const).flatMap((dir) => [1, 2, 3].map((page) => ({ sort, dir, page: String(page), perPage: "5" })))),
      { status: "OPEN" }, { status: "COMPLETED" }, { overdue: "1" }, { status: "OPEN", overdue: "1", sort: "dueAt", dir: "desc" },
      { q: "50%" }, { q: "under_" }, { q: "UNDERSCORE" }, { q: "back\\" }, { q: "co", page: "2", perPage: "5" }, { page: "9" },
    ];
    let compared = 0;
    for (const raw of cases) {
      const params = handoffListParams.parse(raw);
      const viaPrisma = await handoffPage(visibleHandoffs(ae), params, now);
      const viaSql = await aeHandoffPage(ae.id, params, now);
      expect({ raw, count: viaSql.count, ids: viaSql.rows.map((row) => row.id) }).toEqual({ raw, count: viaPrisma.count, ids: viaPrisma.rows.map((row) => row.id) });
      expect(viaSql.rows).toEqual(viaPrisma.rows);
      compared += viaSql.rows.length;
    }
    expect(cases).toHaveLength(34);
    // The cases show rows (not only empty pages): 24 sorted pages of 5, 5 and 2, and the filters'.
    expect(compared).toBeGreaterThan(100);
    const all = await aeHandoffPage(ae.id, handoffListParams.parse({}), now);
    expect(all.count).toBe(12);
    // LIKE's characters are taken literally: "50%" is not "50 and anything", "_" not "any one character".
    const named = async (q: string) => (await handoffPage(visibleHandoffs(ae), handoffListParams.parse({ q }), now)).rows.map((row) => row.account.name).sort();
    expect(await named("50%")).toEqual(["50% Off Co 0", "50% Off Co 6"]);
    expect(await named("under_")).toEqual(["Under_Score Co 2", "Under_Score Co 8"]);
  });
});
