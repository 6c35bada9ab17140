import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/auth";
import { one, query } from "./support/db";

// Issue 11: uploads and imports stream straight to their routes (the proxy would cut bodies at 10 MB); each
// keeps its own limit and refuses a larger file whole, with a message.

const CONTACT_HEADER = "account_external_id,name,title,role,email,priority,notes,padding";

/** A contacts.csv of `rows` rows made `megabytes` large by an extra column the importer ignores. */
function paddedContacts(accountExternalId: string, tag: string, rows: number, megabytes: number): Buffer {
  const padding = "x".repeat(Math.ceil((megabytes * 1024 * 1024) / rows));
  const lines = [CONTACT_HEADER];
  for (let i = 1; i <= rows; i++) lines.push(`${accountExternalId},Contact ${i},Buyer,user,${tag}-${i}@example.test,low,,${padding}`);
  return Buffer.from(lines.join("\n"));
}

async function createAccount(tag: string): Promise<{ id: string; externalId: string }> {
  return one(
    `INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "updatedAt")
     VALUES ($1, $1, $2, 'MID_MARKET', 'Software', 'NA', 'America/New_York', 'English', now()) RETURNING id, "externalId"`,
    [tag, `E2E Upload ${tag}`],
  );
}

async function importAndWait(request: APIRequestContext, file: Buffer, name: string) {
  const started = await request.post("/api/admin/imports?kind=contacts", { data: file, headers: { "content-type": "text/csv", "x-file-name": name }, timeout: 120_000 });
  expect(started.status(), await started.text()).toBe(202);
  const { runId } = (await started.json()) as { runId: string };
  for (let attempt = 0; attempt < 240; attempt++) {
    const run = (await (await request.get(`/api/admin/imports/${runId}`)).json()) as { status: string; totalRows: number; okRows: number; errorRows: number; issues: unknown[] };
    if (run.status !== "RUNNING") return run;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`import ${runId} did not finish`);
}

test.describe("CSV imports past 10 MB", () => {
  test.setTimeout(240_000);

  for (const { megabytes, rows } of [
    { megabytes: 11, rows: 1_000 },
    { megabytes: 60, rows: 3_000 },
  ]) {
    test(`a ${megabytes} MB file imports every one of its ${rows} rows`, async ({ page }) => {
      const tag = `e2e-upload-${megabytes}mb-${Date.now()}`;
      const account = await createAccount(tag);
      const file = paddedContacts(account.externalId, tag, rows, megabytes);
      expect(file.byteLength).toBeGreaterThan(megabytes * 1024 * 1024);
      await signIn(page, "admin@baton.test");
      const run = await importAndWait(page.request, file, `contacts-${megabytes}mb.csv`);
      expect(run).toMatchObject({ status: "DONE", totalRows: rows, okRows: rows, errorRows: 0, issues: [] });
      const stored = await one<{ count: string; last: string }>(
        `SELECT count(*)::text AS count, max(email) FILTER (WHERE email = $2) AS last FROM "Contact" WHERE "accountId" = $1`,
        [account.id, `${tag}-${rows}@example.test`],
      );
      expect(stored).toEqual({ count: String(rows), last: `${tag}-${rows}@example.test` });
    });
  }
});

test.describe("handoff documents past 10 MB", () => {
  const pdf = (megabytes: number) => {
    const head = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n");
    const tail = Buffer.from("\ntrailer<<>>\n%%EOF\n");
    return Buffer.concat([head, Buffer.alloc(megabytes * 1024 * 1024 - head.length - tail.length, 0x20), tail]);
  };

  test("a 15 MB PDF is stored whole, a 21 MB one is refused with a message, and the download is named safely", async ({ page }) => {
    const tag = `e2e-docs-${Date.now()}`;
    const account = await createAccount(tag);
    const deal = await one<{ id: string }>(
      `INSERT INTO "Deal" (id, "externalId", "accountId", "ownerId", name, type, stage, "amountCents", "termMonths", "closeDate", "updatedAt")
       SELECT $1, $1, $2, u.id, $3, 'NEW', 'NEGOTIATION', 2000000, 12, current_date, now() FROM "User" u WHERE u.email = 'ae@baton.test' RETURNING id`,
      [`${tag}-deal`, account.id, `E2E Docs deal ${tag}`],
    );
    await signIn(page, "ae@baton.test");
    await page.goto(`/deals/${deal.id}`);
    await page.getByRole("button", { name: "Mark closed-won" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm closed-won" }).click();
    await expect(page).toHaveURL(/\/handoffs\/[\w-]+/, { timeout: 20_000 });
    const handoffId = new URL(page.url()).pathname.split("/")[2]!;

    const post = (file: Buffer, name: string, headers: Record<string, string> = {}) =>
      page.request.post(`/api/handoffs/${handoffId}/documents`, {
        multipart: { kind: "SIGNED_CONTRACT", file: { name, mimeType: "application/pdf", buffer: file } },
        headers,
        timeout: 120_000,
      });

    const big = pdf(15);
    const stored = await post(big, "inv\u202Efdp.html");
    expect(stored.status(), await stored.text()).toBe(201);
    const { documentId } = (await stored.json()) as { documentId: string };
    expect(await one(`SELECT "sizeBytes", "mimeType", "originalName" FROM "Document" WHERE id = $1`, [documentId])).toEqual({
      sizeBytes: big.byteLength,
      mimeType: "application/pdf",
      originalName: "invfdp.html",
    });
    const download = await page.request.get(`/api/documents/${documentId}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toBe(`attachment; filename="invfdp.pdf"; filename*=UTF-8''invfdp.pdf`);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect((await download.body()).byteLength).toBe(big.byteLength);

    const tooBig = await post(pdf(21), "contract.pdf");
    expect(tooBig.status()).toBe(422);
    expect(await tooBig.json()).toMatchObject({ code: "VALIDATION", message: "The file is larger than 20 MB.", fields: { file: ["must be at most 20 MB"] } });

    // The upload route checks the origin like every cookie-authenticated change.
    const foreign = await post(pdf(1), "contract.pdf", { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(foreign.status()).toBe(403);
    const documents = await query(`SELECT id FROM "Document" WHERE "handoffId" = $1`, [handoffId]);
    expect(documents).toHaveLength(1);
  });
});
