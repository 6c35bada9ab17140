import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./support/auth";
import { one, query } from "./support/db";

// The Expansion coordination's people fields are type-ahead pickers fed by GET /api/handoffs/{id}/people: the page
// ships no list of AEs and CSMs, and the choices are the people the steps accept.

/** A fresh account of the demo CSM and AE with an open Expansion coordination owned by the CSM. */
async function coordination() {
  const id = randomUUID().slice(0, 8);
  const [csm, ae] = await Promise.all([
    one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'csm@baton.test'`),
    one<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = 'ae@baton.test'`),
  ]);
  const accountName = `Upsell ${id} GmbH`;
  await query(
    `INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "csmId", "aeId", "updatedAt")
     VALUES ($1, $2, $3, 'MID_MARKET', 'Software', 'NA', 'America/New_York', 'English', $4, $5, NOW())`,
    [`e2e-acc-${id}`, `E2E-ACC-${id}`, accountName, csm.id, ae.id],
  );
  await query(
    `INSERT INTO "Handoff" (id, type, status, "accountId", "ownerId", "startedAt", "dueAt", "updatedAt")
     VALUES ($1, 'EXPANSION', 'IN_PROGRESS', $2, $3, NOW(), NOW() + interval '72 hours', NOW())`,
    [`e2e-ho-${id}`, `e2e-acc-${id}`, csm.id],
  );
  return { handoffId: `e2e-ho-${id}`, accountId: `e2e-acc-${id}`, ae };
}

async function pick(page: Page, label: string, typed: string, name: string) {
  const picker = page.getByRole("combobox", { name: label, exact: true });
  await picker.fill(typed);
  const option = page.getByRole("listbox", { name: `${label} choices` }).getByRole("option").filter({ hasText: name }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(picker).toHaveValue(name);
}

test("a CSM names who leads an expansion and its deal's owner by typing, from a page that lists nobody", async ({ page }) => {
  const { handoffId, accountId, ae } = await coordination();
  const other = await one<{ id: string; name: string }>(
    `SELECT id, name FROM "User" WHERE role = 'AE' AND active AND id <> $1 ORDER BY name LIMIT 1`,
    [ae.id],
  );
  // An inactive AE of its own, removed after: other specs pick "the first AE by e-mail" and must not get it.
  const tag = randomUUID().slice(0, 6);
  const inactive = `Gone ${tag} Former`;
  await query(`INSERT INTO "User" (id, email, name, role, active, "updatedAt") VALUES ($1, $2, $3, 'AE', false, NOW())`, [`e2e-u-gone-${tag}`, `zz-gone-${tag}@example.test`, inactive]);
  try {
    await signIn(page, "csm@baton.test");
    await page.goto(`/handoffs/${handoffId}`);
    // No <option> of people anywhere in the page.
    expect(await page.locator("option").count()).toBe(0);

    await page.getByRole("checkbox").first().check();
    await page.getByLabel("Estimated potential (USD ARR)").fill("18000");
    await page.getByRole("button", { name: "Record the upsell scope" }).click();

    // Who leads: AEs and CSMs, each with their role.
    const lead = page.getByRole("combobox", { name: "Who leads the expansion", exact: true });
    await expect(lead).toBeVisible();
    await lead.fill(ae.name.slice(0, 4));
    await expect(page.getByRole("listbox", { name: "Who leads the expansion choices" }).getByRole("option").filter({ hasText: ae.name }).first()).toContainText("Account executive ·");
    await lead.fill(inactive);
    await expect(page.getByRole("status").filter({ hasText: "0 matches" })).toBeAttached();
    await expect(page.getByRole("listbox", { name: "Who leads the expansion choices" }).getByRole("option").filter({ hasText: inactive })).toHaveCount(0);
    await pick(page, "Who leads the expansion", ae.name.slice(0, 4), ae.name);
    await page.getByRole("button", { name: "Record who leads" }).click();
    await expect.poll(async () => (await one<{ ownerId: string }>(`SELECT "ownerId" FROM "Handoff" WHERE id = $1`, [handoffId])).ownerId).toBe(ae.id);

    // The deal's owner starts as the account's AE; another AE is chosen by typing.
    await page.getByRole("radio", { name: "Create a new expansion deal" }).check();
    const owner = page.getByRole("combobox", { name: "Deal owner (AE)", exact: true });
    await expect(owner).toHaveValue(ae.name);
    await page.getByLabel("Deal name").fill("Analytics upsell");
    await page.getByLabel("ARR (USD)").fill("18000");
    await pick(page, "Deal owner (AE)", other.name.slice(0, 5), other.name);
    await page.getByRole("button", { name: "Create the expansion deal" }).click();
    await expect
      .poll(async () => (await query<{ ownerId: string }>(`SELECT "ownerId" FROM "Deal" WHERE "accountId" = $1 AND type = 'EXPANSION'`, [accountId])).map((d) => d.ownerId))
      .toEqual([other.id]);
  } finally {
    await query(`DELETE FROM "User" WHERE id = $1`, [`e2e-u-gone-${tag}`]);
  }
});

test("the pickers' look-up answers only those who may record the step", async ({ browser, playwright }) => {
  const { handoffId } = await coordination();
  const leader = await signInAs(browser, "leader@baton.test");
  expect((await leader.request.get(`/api/handoffs/${handoffId}/people?for=owner&q=`)).status()).toBe(403);
  const page = await signInAs(browser, "csm@baton.test");
  const csm = await page.request.get(`/api/handoffs/${handoffId}/people?for=owner&q=`);
  expect(csm.status()).toBe(200);
  const body = (await csm.json()) as { people: { role: string }[] };
  expect(body.people.length).toBeGreaterThan(0);
  expect(body.people.every((person) => person.role === "AE")).toBe(true);
  expect((await page.request.get(`/api/handoffs/${handoffId}/people?for=everyone`)).status()).toBe(422);
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  // Signed out, the proxy sends the request to sign in before the route runs.
  const signedOut = await anonymous.get(`/api/handoffs/${handoffId}/people?for=owner`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain("/login");
  await anonymous.dispose();
});
