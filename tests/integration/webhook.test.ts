import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { POST } from "@/app/api/webhooks/crm/route";
import { signatureHeader } from "@/lib/webhooks/signature";
import { createProduct, createUser } from "./support/fixtures";

function event(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    type: "deal.closed_won",
    occurredAt: "2026-11-20T15:00:00Z",
    data: {
      account: { externalId: "CRM-A-1", name: "Acme", segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "America/New_York", primaryLanguage: "English" },
      contacts: [{ email: "ana@customer.test", name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", priority: "HIGH" }],
      deal: { externalId: "CRM-D-1", name: "Acme new", type: "NEW", amount: "60000.00", termMonths: 12, closeDate: "2026-11-20", products: ["Renewal Hub"], ownerEmail: "ae@example.test" },
      // Friday 15:00 in New York.
      closedAt: "2026-11-20T20:00:00Z",
      ...overrides,
    },
  };
}

async function deliver(body: unknown, options: { secret?: string; timestamp?: number; signature?: string | null } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = options.signature === undefined ? signatureHeader(options.secret ?? env().CRM_WEBHOOK_SECRET!, raw, options.timestamp) : options.signature;
  if (signature !== null) headers["x-baton-signature"] = signature;
  const response = await POST(new Request("http://localhost/api/webhooks/crm", { method: "POST", headers, body: raw }));
  return { status: response.status, body: await response.json() };
}

async function setup() {
  await createUser("AE", { email: "ae@example.test" });
  await createProduct({ name: "Renewal Hub" });
}

describe("CRM webhook", () => {
  it("upserts the account, contacts and deal of a signed deal.closed_won and runs the closed-won flow", async () => {
    await setup();
    const reply = await deliver(event("evt-1"));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: true, eventId: "evt-1", duplicate: false, result: { closedWon: "now", handoffId: expect.any(String) } });
    const deal = await prisma.deal.findUniqueOrThrow({ where: { externalId: "CRM-D-1" }, include: { account: { include: { contacts: true } } } });
    expect(deal).toMatchObject({ stage: "CLOSED_WON", amountCents: 6_000_000n, closedWonAt: new Date("2026-11-20T20:00:00Z") });
    expect(deal.account).toMatchObject({ externalId: "CRM-A-1", name: "Acme" });
    expect(deal.account.contacts.map((c) => c.email)).toEqual(["ana@customer.test"]);
    const handoff = await prisma.handoff.findFirstOrThrow({ where: { dealId: deal.id } });
    // Friday 15:00 New York + 72 business hours = Wednesday 15:00 (SPEC.md).
    expect(handoff.dueAt.toISOString()).toBe("2026-11-25T20:00:00.000Z");
    expect(await prisma.renewalOpportunity.count()).toBe(1);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "deal.closed_won" } })).toMatchObject({ actorId: null, data: expect.objectContaining({ via: "crm-webhook" }) });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: "evt-1" } })).toMatchObject({ type: "deal.closed_won", processedAt: expect.any(Date) });
  });

  it("refuses a wrong signature, a missing one and a stale timestamp with 401, writing nothing", async () => {
    await setup();
    const body = event("evt-2");
    const wrong = await deliver(body, { secret: "not-the-shared-secret" });
    expect(wrong).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED", message: "The signature does not match the body." } });
    const missing = await deliver(body, { signature: null });
    expect(missing.status).toBe(401);
    const stale = await deliver(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale).toMatchObject({ status: 401, body: { message: expect.stringContaining("more than 5 minutes") } });
    // The body was changed after signing.
    const raw = JSON.stringify(body);
    const tampered = await deliver(raw.replace("60000.00", "1.00"), { signature: signatureHeader(env().CRM_WEBHOOK_SECRET!, raw) });
    expect(tampered.status).toBe(401);
    expect(await prisma.webhookEvent.count()).toBe(0);
    expect(await prisma.deal.count()).toBe(0);
  });

  it("answers a replayed event id with duplicate: true and no second effect", async () => {
    await setup();
    await deliver(event("evt-3"));
    await prisma.deal.update({ where: { externalId: "CRM-D-1" }, data: { name: "Renamed in Baton" } });
    const again = await deliver(event("evt-3", { deal: { ...event("x").data.deal, name: "Changed in the replay" } }));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, eventId: "evt-3" } });
    expect((await prisma.deal.findUniqueOrThrow({ where: { externalId: "CRM-D-1" } })).name).toBe("Renamed in Baton");
    expect(await prisma.handoff.count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "deal.closed_won" } })).toBe(1);
    // A new event for the same deal is processed, but the flow stays once per deal.
    const second = await deliver(event("evt-4"));
    expect(second.body).toMatchObject({ duplicate: false, result: { closedWon: "already" } });
    expect(await prisma.handoff.count()).toBe(1);
  });

  it("makes one handoff from 100 identical deliveries at once", async () => {
    await setup();
    const body = event("evt-100");
    const replies = await Promise.all(Array.from({ length: 100 }, () => deliver(body)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(100).fill(200));
    expect(replies.filter((reply) => reply.body.duplicate === false)).toHaveLength(1);
    expect(replies.filter((reply) => reply.body.duplicate === true)).toHaveLength(99);
    expect(await prisma.handoff.count()).toBe(1);
    expect(await prisma.renewalOpportunity.count()).toBe(1);
    expect(await prisma.account.count()).toBe(1);
    expect(await prisma.webhookEvent.count()).toBe(1);
  });

  it("keeps no trace of an event it could not process, so the CRM's retry succeeds once the data is right", async () => {
    await createProduct({ name: "Renewal Hub" });
    const failed = await deliver(event("evt-5"));
    expect(failed).toMatchObject({ status: 422, body: { code: "VALIDATION", fields: { ownerEmail: ["no user with the e-mail ae@example.test"] } } });
    expect(await prisma.webhookEvent.count()).toBe(0);
    expect(await prisma.account.count()).toBe(0);
    await createUser("AE", { email: "ae@example.test" });
    expect((await deliver(event("evt-5"))).body).toMatchObject({ duplicate: false });
    expect(await prisma.handoff.count()).toBe(1);

    const invalid = await deliver(event("evt-6", { deal: { externalId: "CRM-D-2" } }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.fields).toHaveProperty("data.deal.amount");
    const other = await deliver({ id: "evt-7", type: "account.updated", data: {} });
    expect(other.body).toEqual({ received: true, eventId: "evt-7", duplicate: false, ignored: true });
  });
});
