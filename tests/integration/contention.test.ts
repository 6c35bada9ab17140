import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PUT as putAccount } from "@/app/api/v1/accounts/[externalId]/route";
import { PUT as putDeal } from "@/app/api/v1/deals/[externalId]/route";
import { POST as closeWon } from "@/app/api/v1/deals/[externalId]/close-won/route";
import { POST as webhook } from "@/app/api/webhooks/crm/route";
import { signatureHeader } from "@/lib/webhooks/signature";
import { Prisma } from "@/lib/generated/prisma/client";
import { CONTENTION_MESSAGE, retryOnContention } from "@/lib/server/db/retry-on-contention";
import { call, tokenFor } from "./support/api";
import { createProduct, createUser } from "./support/fixtures";

// Issue 11: write paths that contend answer 200 (or 409 when they truly conflict), never 500 — 100 requests at
// once, with the pool of DATABASE_POOL_MAX connections they share, and the data stays right.

const count = (statuses: number[]) => statuses.reduce<Record<number, number>>((tally, status) => ({ ...tally, [status]: (tally[status] ?? 0) + 1 }), {});
const ACCOUNT = { name: "Acme", segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "America/New_York", primaryLanguage: "English" };

describe("contending writes", () => {
  it("100 close-won calls for one deal at once, without an Idempotency-Key: all 200, one handoff", async () => {
    expect(env().DATABASE_POOL_MAX).toBeLessThanOrEqual(10);
    const admin = await createUser("ADMIN");
    await createUser("AE", { email: "ae@example.test" });
    await createProduct({ name: "Renewal Hub" });
    const token = await tokenFor(admin);
    await call(putAccount, { token, method: "PUT", params: { externalId: "A-1" }, body: ACCOUNT });
    const deal = { accountExternalId: "A-1", name: "Acme new", type: "NEW", stage: "NEGOTIATION", amount: "60000.00", termMonths: 12, closeDate: "2026-11-20", products: ["Renewal Hub"], ownerEmail: "ae@example.test" };
    expect((await call(putDeal, { token, method: "PUT", params: { externalId: "D-1" }, body: deal })).status).toBe(200);

    // Another writer holds the deal for 3 s (a slow import batch, say): the calls queue behind it, and behind
    // each other for the pool's connections.
    const holder = new pg.Client({ connectionString: env().DATABASE_URL });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Deal" WHERE "externalId" = 'D-1' FOR UPDATE`);
    const release = new Promise((resolve) => setTimeout(resolve, 3000)).then(async () => {
      await holder.query("COMMIT");
      await holder.end();
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call(closeWon, { token, method: "POST", path: "/deals/D-1/close-won", params: { externalId: "D-1" } })),
    );
    await release;
    expect(answers).toHaveLength(100);
    expect(count(answers.map((answer) => answer.status))).toEqual({ 200: 100 });
    expect(answers.filter((answer) => answer.body.created === true)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.handoffId)).size).toBe(1);
    expect(await prisma.handoff.count()).toBe(1);
    expect(await prisma.renewalOpportunity.count()).toBe(1);
  });

  it("100 distinct webhook events for one new account and deal at once: all 200, one account, one deal, one handoff", async () => {
    await createUser("AE", { email: "ae@example.test" });
    await createProduct({ name: "Renewal Hub" });
    const deliver = async (index: number) => {
      const raw = JSON.stringify({
        id: `evt-race-${index}`,
        type: "deal.closed_won",
        data: {
          account: { ...ACCOUNT, externalId: "RACE-A" },
          contacts: [{ email: "ana@customer.test", name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", priority: "HIGH" }],
          deal: { externalId: "RACE-D", name: "Race deal", type: "NEW", amount: "60000.00", termMonths: 12, closeDate: "2026-11-20", products: ["Renewal Hub"], ownerEmail: "ae@example.test" },
        },
      });
      const response = await webhook(new Request("http://localhost/api/webhooks/crm", { method: "POST", headers: { "x-baton-signature": signatureHeader(env().CRM_WEBHOOK_SECRET!, raw) }, body: raw }));
      return { status: response.status, body: await response.json() };
    };
    const answers = await Promise.all(Array.from({ length: 100 }, (_, index) => deliver(index)));
    expect(answers).toHaveLength(100);
    const statuses = count(answers.map((answer) => answer.status));
    expect(Object.keys(statuses).filter((status) => Number(status) >= 500), JSON.stringify(answers.find((a) => a.status >= 500)?.body)).toEqual([]);
    expect(statuses).toEqual({ 200: 100 });
    expect(await prisma.account.count()).toBe(1);
    expect(await prisma.contact.count()).toBe(1);
    expect(await prisma.deal.count()).toBe(1);
    expect(await prisma.handoff.count()).toBe(1);
    expect(await prisma.webhookEvent.count()).toBe(100);
  });

  it("a write that keeps failing by contention ends as 409 CONFLICT after its retries; other errors are not retried", async () => {
    let runs = 0;
    const conflict = () => {
      runs += 1;
      throw new Prisma.PrismaClientKnownRequestError("Transaction failed due to a write conflict or a deadlock", { code: "P2034", clientVersion: "7.10.0" });
    };
    await expect(retryOnContention(conflict, { attempts: 4, baseDelayMs: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: CONTENTION_MESSAGE });
    expect(runs).toBe(4);
    runs = 0;
    await expect(retryOnContention(() => { runs += 1; throw new Error("bug"); }, { baseDelayMs: 1 })).rejects.toThrow("bug");
    expect(runs).toBe(1);
  });
});
