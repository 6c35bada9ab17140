import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { query } from "./support/db";

/** Administration is one entry in the header; its sections are in its own navigation. */
async function openAdmin(page: Page, section: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: section, exact: true }).click();
}

// Admin journeys of issue 7: a CSV import with a per-row report, and a scoring weight whose change shows in
// the suggestion preview at once.

test("an admin uploads a CSV with two bad rows and reads the report", async ({ page }) => {
  const id = `E2E-${Date.now()}`;
  // E-mail addresses are read in lower case.
  const ghost = `ghost-${id.toLowerCase()}@example.test`;
  const csv = [
    "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email",
    `${id}-1,E2E Good Account ${id},Mid-Market,Software,NA,America/New_York,English,false,false,80,50,1000.00,csm@baton.test`,
    `${id}-2,E2E Bad Segment ${id},Huge,Software,NA,America/New_York,English,false,false,80,50,1000.00,`,
    `${id}-3,E2E Bad CSM ${id},Scale,Retail,EMEA,Europe/Berlin,German,false,false,70,10,0,${ghost}`,
  ].join("\n");

  await signIn(page, "admin@baton.test");
  await openAdmin(page, "Imports and exports");
  await expect(page.getByRole("heading", { name: "Imports and exports" })).toBeVisible();
  await page.getByLabel("File type").selectOption("accounts");
  await page.getByLabel("CSV file").setInputFiles({ name: "accounts-e2e.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toHaveText("Finished: 1 of 3 rows imported, 2 refused.");
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "3");
  const report = page.getByRole("table", { name: "Rows refused" });
  await expect(report.getByRole("row")).toHaveCount(3);
  await expect(report.getByRole("row").nth(1)).toHaveText(/^3\s*segment\s*must be one of Enterprise, Mid-Market, Scale$/);
  await expect(report.getByRole("row").nth(2)).toHaveText(new RegExp(`^4\\s*csm_email\\s*no user with the e-mail ${ghost.replaceAll(".", "\\.")}$`));

  // The good row is in the database, the bad ones are not.
  const stored = await query<{ externalId: string }>(`SELECT "externalId" FROM "Account" WHERE "externalId" LIKE $1 ORDER BY 1`, [`${id}-%`]);
  expect(stored.map((row) => row.externalId)).toEqual([`${id}-1`]);

  // The run is listed with a report page of its own.
  await page.getByRole("link", { name: "Open the full report" }).click();
  await expect(page.getByRole("heading", { name: "Import of accounts-e2e.csv" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Rows refused" }).getByRole("row")).toHaveCount(3);
});

test("an admin changes a scoring weight and the suggestion preview changes at once", async ({ page }) => {
  const [original] = await query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'scoring'`);
  try {
    await signIn(page, "admin@baton.test");
    await openAdmin(page, "Rule settings");
    const preview = page.getByRole("table", { name: /^Suggested CSMs for / });
    await expect(preview).toBeVisible();
    const firstScore = preview.getByRole("row").nth(1).getByRole("cell").nth(2);
    const before = (await firstScore.textContent())?.trim();
    expect(before).toMatch(/^\d+\.\d{2}$/);

    const weights = page.getByRole("region", { name: "CSM scoring weights" });
    const nps = weights.getByLabel("NPS weight (points per NPS point)");
    await expect(nps).toHaveValue("0.2");
    await nps.fill("-1");
    await weights.getByRole("button", { name: "Save CSM scoring weights" }).click();
    // Refused with the field named, nothing saved.
    await expect(weights.getByText("Too small: expected number to be >=0")).toBeVisible();
    await expect(firstScore).toHaveText(before!);

    await nps.fill("2");
    await weights.getByRole("button", { name: "Save CSM scoring weights" }).click();
    await expect(weights.getByRole("status")).toHaveText("Saved. The new rules apply from now on.");
    await expect(firstScore).not.toHaveText(before!);
    const after = Number((await firstScore.textContent())?.trim());
    expect(after).toBeGreaterThan(Number(before));

    // The change is in the audit log with the values before and after.
    await page.goto("/admin/audit?entityType=Setting&entityId=scoring");
    await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").nth(1)).toContainText("settings.updated");

    await page.goto("/admin/settings");
    await page.getByRole("region", { name: "CSM scoring weights" }).getByLabel("NPS weight (points per NPS point)").fill("0.2");
    await page.getByRole("region", { name: "CSM scoring weights" }).getByRole("button", { name: "Save CSM scoring weights" }).click();
    await expect(page.getByRole("region", { name: "CSM scoring weights" }).getByRole("status")).toHaveText("Saved. The new rules apply from now on.");
    await expect(page.getByRole("table", { name: /^Suggested CSMs for / }).getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText(before!);
  } finally {
    // Other specs read suggestions: leave the weights exactly as seeded.
    if (original) await query(`UPDATE "Setting" SET value = $1 WHERE key = 'scoring'`, [JSON.stringify(original.value)]);
    else await query(`DELETE FROM "Setting" WHERE key = 'scoring'`);
  }
});

test("an admin creates an API token shown once, BI uses it without a session, and revoking it stops it", async ({ page, request }) => {
  const name = `E2E BI ${Date.now()}`;
  await signIn(page, "admin@baton.test");
  await openAdmin(page, "API tokens");
  await page.getByLabel("Token name").fill(name);
  // "Acts as" is typed, not picked from every user; choosing a user sets the token's role to theirs.
  const actsAs = page.getByRole("combobox", { name: "Acts as", exact: true });
  await actsAs.fill("admin@baton");
  const admin = page.getByRole("listbox", { name: "Acts as choices" }).getByRole("option").filter({ hasText: "admin@baton.test" });
  await expect(admin).toHaveCount(1);
  await expect(admin).toContainText("RevOps admin ·");
  await admin.click();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("ADMIN");
  await page.getByLabel("Role", { exact: true }).selectOption("LEADERSHIP");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByLabel("New API token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);

  // The API and the webhook answer for themselves (JSON), not with the sign-in page.
  const headers = { authorization: `Bearer ${secret}` };
  const measures = await request.get("/api/v1/measures", { headers });
  expect(measures.status()).toBe(200);
  expect((await measures.json()).retention.grossRetention).toEqual(expect.any(Number));
  const write = await request.put("/api/v1/accounts/E2E-NOPE", { headers, data: { name: "x" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).code).toBe("FORBIDDEN");
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  const webhook = await request.post("/api/webhooks/crm", { data: { id: "evt-e2e", type: "deal.closed_won", data: {} } });
  expect(webhook.headers()["content-type"]).toContain("application/json");

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("never");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog", { name: `Revoke the token “${name}”?` }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/measures", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "UNAUTHENTICATED", message: "This API token is unknown or revoked." });
});

test("an admin invites a user, keeps a CSM profile and adds a product", async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, "admin@baton.test");

  await openAdmin(page, "Users");
  const invite = page.getByRole("region", { name: "Invite a user" });
  await invite.getByLabel("Name").fill(`E2E Invitee ${stamp}`);
  await invite.getByLabel("E-mail").fill(`invitee-${stamp}@example.test`);
  await invite.getByLabel("Role").selectOption("AE");
  await invite.getByRole("button", { name: "Invite user" }).click();
  await expect(invite.getByLabel("Temporary password")).toHaveText(/^[A-Za-z2-9]{16}$/);

  await openAdmin(page, "CSM profiles");
  await page.getByLabel("Search").fill("csm@baton.test");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: "Edit the profile of Sam Rivera" }).click();
  await expect(page.getByRole("heading", { name: "Sam Rivera" })).toBeVisible();
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("must be an IANA time zone such as America/New_York")).toBeVisible();
  await page.getByLabel("Time zone").fill("America/Chicago");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved. New suggestions use it at once.");

  await openAdmin(page, "Products");
  await page.getByLabel("Product name").fill(`E2E Product ${stamp}`);
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page.getByRole("status")).toHaveText("Product saved.");
  await expect(page.getByLabel(`Name of E2E Product ${stamp}`)).toHaveValue(`E2E Product ${stamp}`);
});
