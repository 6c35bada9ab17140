import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as getAccount, PUT as putAccount } from "@/app/api/v1/accounts/[externalId]/route";
import { PUT as putContact } from "@/app/api/v1/accounts/[externalId]/contacts/[email]/route";
import { GET as getDeal, PUT as putDeal } from "@/app/api/v1/deals/[externalId]/route";
import { POST as closeWon } from "@/app/api/v1/deals/[externalId]/close-won/route";
import { GET as listHandoffs } from "@/app/api/v1/handoffs/route";
import { GET as listSuggestions } from "@/app/api/v1/suggestions/route";
import { GET as listRenewals } from "@/app/api/v1/renewals/route";
import { GET as getMeasures } from "@/app/api/v1/measures/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { apiTokenListParams, listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { call, tokenFor } from "./support/api";
import { createCsm, createProduct, createRenewal, createUser } from "./support/fixtures";

const ACCOUNT = {
  name: "Acme",
  segment: "MID_MARKET",
  industry: "Software",
  region: "NA",
  timezone: "America/New_York",
  primaryLanguage: "English",
  expansionPotential: "1200.50",
};

async function setup() {
  const admin = await createUser("ADMIN");
  const ae = await createUser("AE", { email: "ae@example.test" });
  await createProduct({ name: "Renewal Hub" });
  const token = await tokenFor(admin);
  const put = await call(putAccount, { token, method: "PUT", params: { externalId: "A-1" }, body: ACCOUNT });
  expect(put.status).toBe(200);
  return { admin, ae, token };
}

const DEAL = {
  accountExternalId: "A-1",
  name: "Acme new",
  type: "NEW",
  stage: "NEGOTIATION",
  amount: "60000.00",
  termMonths: 12,
  closeDate: "2026-11-20",
  products: ["Renewal Hub"],
  ownerEmail: "ae@example.test",
};

describe("REST API: records", () => {
  it("upserts an account by external id and reads it back with money as dollar strings", async () => {
    const { token } = await setup();
    const update = await call(putAccount, { token, method: "PUT", params: { externalId: "A-1" }, body: { ...ACCOUNT, name: "Acme Corp", healthScore: 91 } });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ externalId: "A-1", name: "Acme Corp", segment: "MID_MARKET", healthScore: 91, expansionPotential: "1200.50", arr: "0.00", csmEmail: null });
    expect(await prisma.account.count()).toBe(1);
    const read = await call(getAccount, { token, params: { externalId: "A-1" } });
    expect(read.body.name).toBe("Acme Corp");
    const missing = await call(getAccount, { token, params: { externalId: "nope" } });
    expect(missing).toMatchObject({ status: 404, body: { code: "NOT_FOUND", message: "The account was not found.", fields: {} } });
  });

  it("upserts contacts by account and e-mail", async () => {
    const { token } = await setup();
    const body = { name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", priority: "HIGH" };
    const first = await call(putContact, { token, method: "PUT", params: { externalId: "A-1", email: "Ana%40Customer.test" }, body });
    expect(first).toMatchObject({ status: 200, body: { email: "ana@customer.test", role: "CHAMPION", priority: "HIGH", accountExternalId: "A-1" } });
    await call(putContact, { token, method: "PUT", params: { externalId: "A-1", email: "ana@customer.test" }, body: { ...body, title: "COO" } });
    expect(await prisma.contact.findMany({ select: { title: true } })).toEqual([{ title: "COO" }]);
    const orphan = await call(putContact, { token, method: "PUT", params: { externalId: "A-9", email: "x@customer.test" }, body });
    expect(orphan).toMatchObject({ status: 422, body: { code: "VALIDATION", fields: { accountExternalId: ["no account with the external id A-9"] } } });
  });

  it("refuses invalid bodies with the failing fields and no stack trace", async () => {
    const { token } = await setup();
    const bad = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, amount: 60000.5, termMonths: 0, ownerEmail: "nobody" } });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe("VALIDATION");
    expect(Object.keys(bad.body.fields).sort()).toEqual(["amount", "ownerEmail", "termMonths"]);
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.ts|stack/i);

    const unknown = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, ownerEmail: "ghost@example.test", products: ["Nope"] } });
    expect(unknown.body).toEqual({
      code: "VALIDATION",
      message: "Some fields refer to records that do not exist.",
      fields: { ownerEmail: ["no user with the e-mail ghost@example.test"], products: ["unknown product: Nope"] },
    });
    const notJson = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: "{oops" });
    expect(notJson.body).toMatchObject({ code: "VALIDATION", message: "The body is not valid JSON." });
    expect(await prisma.deal.count()).toBe(0);
  });

  it("runs the closed-won flow once for a deal upserted as CLOSED_WON", async () => {
    const { token } = await setup();
    for (let i = 0; i < 2; i += 1) {
      const response = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, stage: "CLOSED_WON" } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ stage: "CLOSED_WON", amount: "60000.00", closeDate: "2026-11-20", products: ["Renewal Hub"] });
      expect(response.body.closedWonAt).toEqual(expect.any(String));
    }
    expect(await prisma.handoff.count()).toBe(1);
    expect(await prisma.renewalOpportunity.count()).toBe(1);
    const reopen = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: DEAL });
    expect(reopen).toMatchObject({ status: 409, body: { code: "CONFLICT", fields: { stage: ["the deal is closed-won in Baton and cannot move back to negotiation"] } } });
  });
});

describe("REST API: close-won with Idempotency-Key", () => {
  it("replays the first response for the same key and body, refuses another body, and is idempotent by deal", async () => {
    const { token } = await setup();
    await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: DEAL });
    const post = (body: unknown, key?: string) =>
      call(closeWon, { token, method: "POST", path: "/deals/D-1/close-won", params: { externalId: "D-1" }, body, headers: key ? { "idempotency-key": key } : {} });

    const first = await post({ closedAt: "2026-11-20T15:00:00Z" }, "k-1");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ externalId: "D-1", created: true, handoffId: expect.any(String), renewalOpportunityId: expect.any(String) });
    const replay = await post({ closedAt: "2026-11-20T15:00:00Z" }, "k-1");
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await post({ closedAt: "2026-11-21T15:00:00Z" }, "k-1");
    expect(other).toMatchObject({ status: 422, body: { code: "VALIDATION", fields: { "Idempotency-Key": ["was used with a different body; use a new key for a new request"] } } });
    const again = await post({}, "k-2");
    expect(again.body).toMatchObject({ created: false, handoffId: first.body.handoffId });
    const noKey = await post(undefined);
    expect(noKey.body).toMatchObject({ created: false, handoffId: first.body.handoffId });

    expect(await prisma.handoff.count()).toBe(1);
    expect((await prisma.handoff.findFirstOrThrow()).startedAt.toISOString()).toBe("2026-11-20T15:00:00.000Z");
    expect(await prisma.idempotencyKey.count()).toBe(2);
  });

  it("gives one effect and one stored response to ten concurrent calls with the same key", async () => {
    const { token } = await setup();
    await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: DEAL });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(closeWon, { token, method: "POST", path: "/deals/D-1/close-won", params: { externalId: "D-1" }, body: {}, headers: { "idempotency-key": "same" } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const response of responses) expect(response.body).toEqual({ ...responses[0]!.body, created: true });
    expect(await prisma.handoff.count()).toBe(1);
  });
});

describe("REST API: tokens and roles", () => {
  it("refuses a missing, unknown, revoked or deactivated user's token with 401", async () => {
    const { admin, token } = await setup();
    expect((await call(getAccount, { params: { externalId: "A-1" } })).body).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await call(getAccount, { token: "baton_nope", params: { externalId: "A-1" } })).status).toBe(401);

    const leader = await createUser("LEADERSHIP");
    const leaderToken = await tokenFor(leader);
    expect((await call(getAccount, { token: leaderToken, params: { externalId: "A-1" } })).status).toBe(200);
    expect((await prisma.apiToken.findFirstOrThrow({ where: { userId: leader.id } })).lastUsedAt).not.toBeNull();
    await setUserActive(admin, { userId: leader.id, active: false });
    expect(await call(getAccount, { token: leaderToken, params: { externalId: "A-1" } })).toMatchObject({
      status: 401,
      body: { code: "UNAUTHENTICATED", message: "This API token's user is deactivated." },
    });

    const revoked = await tokenFor(admin);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { revokedAt: null, userId: admin.id }, orderBy: { createdAt: "desc" } });
    await revokeApiToken(admin, { tokenId: row.id });
    expect(await call(getAccount, { token: revoked, params: { externalId: "A-1" } })).toMatchObject({ status: 401, body: { message: "This API token is unknown or revoked." } });
    expect((await call(getAccount, { token, params: { externalId: "A-1" } })).status).toBe(200);

    // The admin's list: newest first by default, never-used tokens last when sorted by last use.
    const listed = await listApiTokens(admin, apiTokenListParams.parse({ sort: "lastUsedAt", dir: "desc" }));
    expect(listed.count).toBe(3);
    expect(listed.data.map((row) => [row.userEmail, row.revokedAt !== null, row.userActive, row.lastUsedAt !== null])).toEqual([
      [leader.email, false, false, true],
      [admin.email, false, true, true],
      [admin.email, true, true, false],
    ]);
    expect(listed.data[0]?.prefix).toMatch(/^baton_.{6}$/);
    expect((await listApiTokens(admin, apiTokenListParams.parse({ status: "revoked" }))).count).toBe(1);
    expect((await listApiTokens(admin, apiTokenListParams.parse({ sort: "name" }))).count).toBe(3);
  });

  it("refuses a CSM token on admin and write endpoints with 403, and scopes what it reads", async () => {
    const { token } = await setup();
    const csm = await createCsm();
    const csmToken = await tokenFor(csm);
    for (const response of [
      await call(putAccount, { token: csmToken, method: "PUT", params: { externalId: "A-1" }, body: ACCOUNT }),
      await call(putDeal, { token: csmToken, method: "PUT", params: { externalId: "D-1" }, body: DEAL }),
      await call(closeWon, { token: csmToken, method: "POST", params: { externalId: "D-1" }, body: {} }),
      await call(listSuggestions, { token: csmToken }),
      await call(getAccount, { token: csmToken, params: { externalId: "A-1" } }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("FORBIDDEN");
    }
    expect(await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } })).toMatchObject({ name: "Acme" });

    await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, stage: "CLOSED_WON" } });
    const adminView = await call(listHandoffs, { token });
    expect(adminView.body).toMatchObject({ count: 1, currentPage: 1 });
    expect(adminView.body.data[0]).toMatchObject({ type: "NEW_CUSTOMER", status: "IN_PROGRESS", accountExternalId: "A-1", dealExternalId: "D-1" });
    expect((await call(listHandoffs, { token: csmToken })).body).toMatchObject({ count: 0, data: [] });
    expect((await call(listRenewals, { token: csmToken })).body.count).toBe(0);
    await prisma.account.update({ where: { externalId: "A-1" }, data: { csmId: csm.id } });
    expect((await call(listHandoffs, { token: csmToken })).body.count).toBe(1);
    const renewals = await call(listRenewals, { token: csmToken });
    expect(renewals.body.data).toEqual([expect.objectContaining({ originalDealExternalId: "D-1", amount: "60000.00", renewalDate: "2027-11-20", csmEmail: csm.email })]);
  });

  it("lets an AE token close its own deals only, and never gives a token more than its user's role", async () => {
    const { admin, ae, token } = await setup();
    await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: DEAL });
    const otherAe = await createUser("AE");
    const other = await call(closeWon, { token: await tokenFor(otherAe), method: "POST", params: { externalId: "D-1" }, body: {} });
    expect(other.status).toBe(404);
    const own = await call(closeWon, { token: await tokenFor(ae), method: "POST", params: { externalId: "D-1" }, body: {} });
    expect(own.body).toMatchObject({ created: true });
    expect((await call(getDeal, { token: await tokenFor(otherAe), params: { externalId: "D-1" } })).status).toBe(404);

    await expect(createApiToken(admin, { name: "escalate", userId: ae.id, role: "ADMIN" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { role: [expect.stringContaining("must be the user's own role")] } });
    // An admin's BI token with a read-only role; when the admin stops being an admin, it stops working.
    const biUser = await createUser("ADMIN");
    const bi = await tokenFor(biUser, "LEADERSHIP");
    expect((await call(getMeasures, { token: bi })).status).toBe(200);
    expect((await call(putAccount, { token: bi, method: "PUT", params: { externalId: "A-1" }, body: ACCOUNT })).status).toBe(403);
    await prisma.user.update({ where: { id: biUser.id }, data: { role: "CSM" } });
    expect((await call(getMeasures, { token: bi })).status).toBe(401);
  });
});

describe("REST API: reads for BI", () => {
  it("returns the dashboard measures from the movements", async () => {
    const { token } = await setup();
    const account = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    await prisma.arrMovement.createMany({
      data: [
        { accountId: account.id, date: new Date("2020-01-15T00:00:00Z"), type: "NEW", amountCents: 10_000_000n },
        { accountId: account.id, date: new Date(Date.now() - 30 * 86_400_000), type: "EXPANSION", amountCents: 2_000_000n },
      ],
    });
    const measures = await call(getMeasures, { token, path: "/measures?period=12m" });
    expect(measures.status).toBe(200);
    expect(measures.body.retention).toMatchObject({ startArr: "100000.00", endArr: "120000.00", cohortAccounts: 1, grossRetention: 1, netRetention: 1.2 });
    expect(measures.body.period.preset).toBe("12m");
    const bad = await call(getMeasures, { token, path: "/measures?period=forever" });
    expect(bad).toMatchObject({ status: 422, body: { fields: { period: [expect.any(String)] } } });
  });

  it("lists pending suggestions with their candidates, and serves the OpenAPI document without a token", async () => {
    const { token } = await setup();
    const account = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    await prisma.csmAssignment.create({ data: { accountId: account.id, status: "PENDING", suggestedScore: "123.45", candidates: { candidates: [{ name: "Ana" }] } } });
    const suggestions = await call(listSuggestions, { token });
    expect(suggestions.body.data).toEqual([expect.objectContaining({ accountExternalId: "A-1", status: "PENDING", suggestedScore: "123.45", candidates: { candidates: [{ name: "Ana" }] } })]);
    const doc = await openApi();
    expect(doc.status).toBe(200);
    expect(Object.keys((await doc.json()).paths)).toContain("/deals/{externalId}/close-won");
  });
});

describe("REST API: cursor paging", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  type Page = { data: { id: string }[]; count: number; currentPage: number; nextCursor: string | null };

  /** Follows nextCursor from the first page; `between` runs after each page (rows inserted while a client pages). */
  async function walk(handler: Parameters<typeof call>[0], token: string, path: string, between: (page: Page) => Promise<void> = async () => {}) {
    const pages: Page[] = [];
    let next: string | null = `${path}&perPage=4`;
    while (next !== null && pages.length < 20) {
      const response = await call(handler, { token, path: next });
      expect(response.status).toBe(200);
      const page = response.body as Page;
      expect(page.currentPage).toBe(pages.length + 1);
      pages.push(page);
      await between(page);
      next = page.nextCursor === null ? null : `${path}&perPage=4&cursor=${page.nextCursor}`;
    }
    return pages;
  }
  const ids = (pages: Page[]) => pages.flatMap((page) => page.data.map((row) => row.id));

  it("walks the renewals by cursor, each once in renewal-date order, while renewals are added before the cursor", async () => {
    const { admin, token } = await setup();
    const account = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    const dates = ["2027-03-01", "2027-01-15", "2027-01-15", "2027-02-01"];
    for (let i = 0; i < 14; i++) await createRenewal(account.id, admin.id, { renewalDate: day(dates[i % 4]!) });
    const byPage = await walk(listRenewals, token, "/renewals?stage=RENEWAL_PENDING");
    expect(byPage).toHaveLength(4);
    const expected = (await prisma.renewalOpportunity.findMany({ orderBy: [{ renewalDate: "asc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
    expect(expected).toHaveLength(14);
    expect(ids(byPage)).toEqual(expected);
    expect(byPage.map((page) => page.data.length)).toEqual([4, 4, 4, 2]);
    expect(byPage[3]?.nextCursor).toBeNull();

    // A renewal due first added after each page: by cursor nothing repeats or is skipped (by OFFSET each would
    // push the last row of the page seen onto the next one); the new ones are on page 1 for the next walk.
    const added: string[] = [];
    const walked = await walk(listRenewals, token, "/renewals?stage=RENEWAL_PENDING", async () => {
      added.push((await createRenewal(account.id, admin.id, { renewalDate: day("2026-12-01") })).id);
    });
    expect(ids(walked)).toEqual(expected);
    expect(added).toHaveLength(4);
    // `page` keeps working for existing clients: page 2 by number now starts with the rows the additions pushed down.
    const second = await call(listRenewals, { token, path: "/renewals?stage=RENEWAL_PENDING&perPage=4&page=2" });
    expect(second.body).toMatchObject({ count: 18, currentPage: 2, totalPages: 5 });
    expect(second.body.data.map((row: { id: string }) => row.id)).toEqual(expected.slice(0, 4));
  });

  it("walks handoffs (newest first) and suggestions by cursor, each once, ties by id", async () => {
    const { admin, token } = await setup();
    const account = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    const instants = ["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z", "2026-11-02T10:00:00.000Z"];
    for (let i = 0; i < 9; i++) {
      const startedAt = new Date(instants[i % 3]!);
      await prisma.handoff.create({ data: { type: "EXPANSION", status: "IN_PROGRESS", accountId: account.id, ownerId: admin.id, startedAt, dueAt: startedAt } });
      await prisma.csmAssignment.create({ data: { accountId: account.id, status: "PENDING", createdAt: startedAt, candidates: [] } });
    }
    const handoffs = ids(await walk(listHandoffs, token, "/handoffs?status=IN_PROGRESS"));
    const expectedHandoffs = (await prisma.handoff.findMany({ orderBy: [{ startedAt: "desc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
    expect(expectedHandoffs).toHaveLength(9);
    expect(handoffs).toEqual(expectedHandoffs);
    const suggestions = ids(await walk(listSuggestions, token, "/suggestions?status=PENDING"));
    const expectedSuggestions = (await prisma.csmAssignment.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
    expect(expectedSuggestions).toHaveLength(9);
    expect(suggestions).toEqual(expectedSuggestions);
  });

  it("refuses a cursor it did not return with 422 naming the field, and documents cursor and nextCursor", async () => {
    const { token } = await setup();
    const renewals = await call(listRenewals, { token, path: "/renewals?perPage=4" });
    expect(renewals.body).toMatchObject({ count: 0, nextCursor: null });
    // Garbage; a handoff's cursor (an instant) on the renewals (a date); a cursor of the wrong shape.
    const instant = Buffer.from(JSON.stringify(["2", "2026-11-01T10:00:00.000Z", "x"])).toString("base64url");
    const short = Buffer.from(JSON.stringify(["2", "2026-11-01"])).toString("base64url");
    for (const cursor of ["not-a-cursor", instant, short]) {
      const bad = await call(listRenewals, { token, path: `/renewals?cursor=${cursor}` });
      expect(bad).toMatchObject({ status: 422, body: { code: "VALIDATION", fields: { cursor: ["must be a nextCursor this list returned"] } } });
    }
    expect((await call(listHandoffs, { token, path: "/handoffs?cursor=abc" })).body.fields).toEqual({ cursor: ["must be a nextCursor this list returned"] });
    const doc = await (await openApi()).json();
    const operation = doc.paths["/renewals"].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(["page", "perPage", "cursor"]));
    expect(operation.description).toContain("`nextCursor` as `?cursor=`");
    expect(operation.responses["200"].content["application/json"].schema.properties.nextCursor).toEqual({ type: ["string", "null"] });
  });
});
