import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PUT as putAccount } from "@/app/api/v1/accounts/[externalId]/route";
import { PUT as putDeal } from "@/app/api/v1/deals/[externalId]/route";
import { GET as listRenewals } from "@/app/api/v1/renewals/route";
import { GET as listHandoffs } from "@/app/api/v1/handoffs/route";
import { POST as webhook } from "@/app/api/webhooks/crm/route";
import { signatureHeader } from "@/lib/webhooks/signature";
import { handoffMeetingSchema } from "@/lib/handoff/forms";
import { nulFailure } from "@/lib/server/actions/result";
import { runImport } from "@/lib/server/imports/run-import";
import { textSource } from "@/lib/server/imports/csv-reader";
import { exportCsvText } from "@/lib/server/exports/export-csv";
import { listAllRenewals, renewalListParams } from "@/lib/server/renewals/list-renewals";
import { renewalsCsv } from "@/lib/renewals/csv";
import { call, tokenFor } from "./support/api";
import { createProduct, createUser } from "./support/fixtures";

// Issue 11: one input layer refuses NUL characters, dates outside 1990-01-01 … 2100-12-31 and terms outside
// 1–120 months with the field named, from the API, the CRM webhook, CSV imports and forms — so no stored row can
// break a later list or export. The lists and exports are then read with the edge rows that are allowed.

const ACCOUNT = { name: "Acme", segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "America/New_York", primaryLanguage: "English" };
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

async function setup() {
  const admin = await createUser("ADMIN");
  await createUser("AE", { email: "ae@example.test" });
  await createProduct({ name: "Renewal Hub" });
  const token = await tokenFor(admin);
  expect((await call(putAccount, { token, method: "PUT", params: { externalId: "A-1" }, body: ACCOUNT })).status).toBe(200);
  return { admin, token };
}

describe("the REST API", () => {
  it("refuses a NUL in a body field, a path parameter or a list filter with 422 naming it", async () => {
    const { token } = await setup();
    const body = await call(putAccount, { token, method: "PUT", params: { externalId: "A-2" }, body: { ...ACCOUNT, name: "Ac\u0000me" } });
    expect(body).toMatchObject({ status: 422, body: { code: "VALIDATION", fields: { "body.name": ["must not contain a NUL character (\\u0000)"] } } });
    const path = await call(putAccount, { token, method: "PUT", params: { externalId: "A\u00002" }, body: ACCOUNT });
    expect(path).toMatchObject({ status: 422, body: { fields: { "path.externalId": [expect.stringContaining("NUL")] } } });
    const nested = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, painPoints: ["ok", "b\u0000d"] } });
    expect(nested).toMatchObject({ status: 422, body: { fields: { "body.painPoints.1": [expect.stringContaining("NUL")] } } });
    const filter = await call(listRenewals, { token, path: "/renewals?stage=%00&dueFrom=2026-01-01%00" });
    expect(filter).toMatchObject({ status: 422, body: { fields: { "query.stage": [expect.any(String)], "query.dueFrom": [expect.any(String)] } } });
    expect(await prisma.account.count()).toBe(1);
  });

  it("refuses dates outside 1990–2100 and terms outside 1–120 months, with the field's message", async () => {
    const { token } = await setup();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ closeDate: "0000-01-01" }, "closeDate", "must be between 1990-01-01 and 2100-12-31"],
      [{ closeDate: "9999-12-31", termMonths: 120, stage: "CLOSED_WON" }, "closeDate", "must be between 1990-01-01 and 2100-12-31"],
      [{ contractStart: "1989-12-31" }, "contractStart", "must be between 1990-01-01 and 2100-12-31"],
      [{ termMonths: 121 }, "termMonths", "must be at most 120 months"],
      [{ termMonths: 0 }, "termMonths", "must be at least 1 month"],
    ];
    for (const [change, field, message] of cases) {
      const answer = await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: { ...DEAL, ...change } });
      expect(answer.status, field).toBe(422);
      expect(answer.body.fields[field], JSON.stringify(change)).toEqual([message]);
    }
    const renewals = await call(listRenewals, { token, path: "/renewals?dueFrom=0000-01-01" });
    expect(renewals).toMatchObject({ status: 422, body: { fields: { dueFrom: ["must be between 1990-01-01 and 2100-12-31"] } } });
    expect(await prisma.deal.count()).toBe(0);
  });

  it("refuses a body over 1 MB while reading it, without reading it whole", async () => {
    const { token } = await setup();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 3200) controller.close(); // 200 MB, were it all read
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/v1/accounts/A-1", {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const response = await putAccount(request, { params: Promise.resolve({ externalId: "A-1" }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "VALIDATION", message: "The body is larger than 1 MB." });
    expect(pulled).toBeLessThan(40);
  });
});

describe("the CRM webhook", () => {
  const deliver = async (body: unknown) => {
    const raw = JSON.stringify(body);
    const response = await webhook(
      new Request("http://localhost/api/webhooks/crm", { method: "POST", headers: { "x-baton-signature": signatureHeader(env().CRM_WEBHOOK_SECRET!, raw) }, body: raw }),
    );
    return { status: response.status, body: await response.json() };
  };
  const event = (deal: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: `evt-${Math.random()}`,
    type: "deal.closed_won",
    data: { account: { ...ACCOUNT, externalId: "CRM-A" }, deal: { ...DEAL, externalId: "CRM-D", ...deal }, ...extra },
  });

  it("refuses NUL characters and out-of-window dates with the field named, storing nothing", async () => {
    await setup();
    expect(await deliver(event({ name: "Bad\u0000name" }))).toMatchObject({ status: 422, body: { fields: { "data.deal.name": [expect.stringContaining("NUL")] } } });
    expect(await deliver(event({ closeDate: "9999-12-31", termMonths: 120 }))).toMatchObject({
      status: 422,
      body: { fields: { "data.deal.closeDate": ["must be between 1990-01-01 and 2100-12-31"] } },
    });
    expect(await deliver(event({}, { closedAt: "2999-01-01T00:00:00Z" }))).toMatchObject({
      status: 422,
      body: { fields: { "data.closedAt": ["must be between 1990-01-01 and 2100-12-31"] } },
    });
    expect(await prisma.deal.count()).toBe(0);
    expect(await prisma.webhookEvent.count()).toBe(0);
  });
});

describe("CSV imports and forms", () => {
  it("report a NUL cell and an out-of-window date on their line and field", async () => {
    const { admin } = await setup();
    const text = [
      "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations",
      "D-1,A-1,Nul\u0000deal,new,negotiation,100.00,12,2026-01-01,,,ae@example.test,,,,,,",
      "D-2,A-1,Far deal,new,closed_won,100.00,120,9999-12-31,,,ae@example.test,,,,,,",
      "D-3,A-1,Long deal,new,negotiation,100.00,121,2026-01-01,,,ae@example.test,,,,,,",
    ].join("\n");
    const result = await runImport(admin, { kind: "deals", source: textSource(text), fileName: "deals.csv" });
    expect(result.issues).toEqual([
      { line: 2, field: "name", reason: "must not contain a NUL character (\\u0000)" },
      { line: 3, field: "close_date", reason: "must be between 1990-01-01 and 2100-12-31" },
      { line: 4, field: "term_months", reason: "must be at most 120" },
    ]);
    expect(await prisma.deal.count()).toBe(0);
  });

  it("form schemas refuse out-of-window dates, and actions refuse NUL text before their schema", () => {
    const meeting = handoffMeetingSchema.safeParse({ date: "0000-01-01", time: "10:00", durationMinutes: 30, attendeeEmails: "a@b.test", notes: "" });
    expect(meeting.success).toBe(false);
    expect(meeting.error?.issues.map((issue) => issue.message)).toContain("must be between 1990-01-01 and 2100-12-31");
    const form = new FormData();
    form.set("reason", "bad\u0000reason");
    form.set("assignmentId", "a1");
    expect(nulFailure(form)).toEqual({ ok: false, error: "Some fields need attention.", fieldErrors: { reason: ["must not contain a NUL character (\\u0000)"] } });
    expect(nulFailure({ items: [{ id: "ok" }] })).toBeNull();
  });
});

describe("lists and exports with edge rows present", () => {
  it("read every row at the edges of the window, with odd but allowed text, page by page", async () => {
    const { admin, token } = await setup();
    const edges = [
      { externalId: "E-OLD", closeDate: "1990-01-01", termMonths: 1, name: "=HYPERLINK(\"http://x\",\"old\")" },
      { externalId: "E-FAR", closeDate: "2100-12-31", termMonths: 120, name: "Far, \"quoted\"\nline two" },
      { externalId: "E-RTL", closeDate: "2026-02-28", termMonths: 13, name: "\u202Eevil name ☃" },
    ];
    for (const edge of edges) {
      const answer = await call(putDeal, { token, method: "PUT", params: { externalId: edge.externalId }, body: { ...DEAL, ...edge, stage: "CLOSED_WON" } });
      expect(answer.status, edge.externalId).toBe(200);
    }
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const answer = await call(listRenewals, { token, path: `/renewals?page=${page}&perPage=1` });
      expect(answer.status, `page ${page}`).toBe(200);
      seen.push(...answer.body.data.map((row: { renewalDate: string }) => row.renewalDate));
    }
    expect(seen.sort()).toEqual(["1990-02-01", "2027-03-28", "2110-12-31"]);
    expect((await call(listHandoffs, { token, path: "/handoffs?perPage=200" })).body.data).toHaveLength(3);

    for (const kind of ["deals", "renewals", "touchpoints"] as const) {
      const csv = await exportCsvText(admin, kind);
      expect(csv, kind).toContain(kind === "touchpoints" ? "E-FAR" : "E-OLD");
    }
    const renewals = await listAllRenewals(admin, renewalListParams.parse({}));
    expect(renewals).toHaveLength(3);
    expect(renewalsCsv(renewals)).toContain("2110-12-31");
  });
});
