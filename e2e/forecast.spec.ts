import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn, signInAs } from "./support/auth";
import { one, query } from "./support/db";
import { customerWithRenewal } from "./support/fixtures";

// The renewal forecast (issue 12): each test creates the renewals it changes (csm@ / ae@baton.test's accounts, unique
// names) and reads the database to check what the browser did.

const checkpointId = () => `cp_${randomUUID().replace(/-/g, "").slice(0, 20)}`;

function quarterOf(day: string): string {
  const [year, month] = day.split("-").map(Number);
  return `${year}-Q${Math.floor((month! - 1) / 3) + 1}`;
}

test.describe("the renewal forecast", () => {
  test("a CSM sets the category and amount of their renewal", async ({ page }) => {
    const customer = await customerWithRenewal({ amountCents: 9_000_000n, renewalInDays: 120, name: `Forecast Set ${randomUUID().slice(0, 8)}` });
    await signIn(page, "csm@baton.test");
    await page.goto(`/renewals/${customer.renewalId}`);
    await expect(page.getByRole("heading", { name: customer.name, exact: false }).first()).toBeVisible();
    const form = page.getByRole("form", { name: "Your forecast" });
    await form.getByLabel("Category").selectOption("COMMIT");
    await form.getByLabel("Forecast amount (USD ARR)").fill("92500");
    await form.getByLabel("Outcome").selectOption("UPLIFT");
    await form.getByLabel("Next step", { exact: true }).fill("Send the order form");
    await form.getByRole("button", { name: "Save forecast" }).click();
    await expect(form.getByRole("status")).toHaveText("Forecast saved.");
    await expect(page.getByText("Commit · $92,500.00 · Uplift", { exact: true })).toBeVisible();
    const row = await one<{ category: string; amount: string; outcome: string; nextStep: string }>(
      `SELECT category::text, "amountCents"::text AS amount, outcome::text, "nextStep" FROM "RenewalForecast" WHERE "renewalOpportunityId" = $1`,
      [customer.renewalId],
    );
    expect(row).toEqual({ category: "COMMIT", amount: "9250000", outcome: "UPLIFT", nextStep: "Send the order form" });
  });

  test("a CS manager decides a checkpoint where the CSM and Baton disagree", async ({ page, browser }) => {
    const customer = await customerWithRenewal({ amountCents: 8_000_000n, renewalInDays: 80, name: `Forecast Checkpoint ${randomUUID().slice(0, 8)}` });
    // The job opens checkpoints; the worker does not run beside the browser tests, so the test opens its own.
    const id = checkpointId();
    await query(`INSERT INTO "ForecastCheckpoint" (id, "renewalOpportunityId", "daysBefore", "dueDate", status) VALUES ($1, $2, 90, current_date - 10, 'OPEN')`, [id, customer.renewalId]);

    const csm = await signInAs(browser, "csm@baton.test");
    await csm.goto(`/renewals/${customer.renewalId}`);
    // Baton's call: 70 − 15 (usage 0%) = 55, Pipeline; the CSM's Commit is two categories away.
    await expect(csm.getByText("Likelihood 55/100 · Pipeline")).toBeVisible();
    const record = csm.getByRole("form", { name: "Your call at the 90-day checkpoint" });
    await record.getByLabel("Category at the checkpoint").selectOption("COMMIT");
    await record.getByLabel("Amount at the checkpoint (USD ARR)").fill("80000");
    await record.getByRole("button", { name: "Record the call" }).click();
    await expect(csm.getByRole("table", { name: "Forecast checkpoints" })).toContainText("Calls disagree: CS manager decides");
    await csm.context().close();

    await signIn(page, "manager@baton.test");
    await page.goto("/notifications");
    await expect(page.getByText(`Forecast call to decide: ${customer.name}`)).toBeVisible();
    await page.goto(`/renewals/${customer.renewalId}`);
    const decide = page.getByRole("form", { name: "Decide the 90-day checkpoint" });
    await decide.getByLabel("Decided category").selectOption("AT_RISK");
    await decide.getByLabel("Decided amount (USD ARR)").fill("60000");
    await decide.getByLabel("Reason for the decision").fill("Usage has not recovered; plan for a downsell");
    await decide.getByRole("button", { name: "Decide" }).click();
    await expect(page.getByRole("table", { name: "Forecast checkpoints" })).toContainText("Decided by the CS manager");
    await expect(page.getByText("At risk · $60,000.00 · Downsell (CS manager's override)")).toBeVisible();
    const decided = await one<{ status: string; reason: string; csm: string }>(
      `SELECT status::text, "decisionReason" AS reason, "csmCategory"::text AS csm FROM "ForecastCheckpoint" WHERE id = $1`,
      [id],
    );
    expect(decided).toEqual({ status: "DECIDED", reason: "Usage has not recovered; plan for a downsell", csm: "COMMIT" });
    const audit = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'forecast.checkpoint_decided'`, [customer.renewalId]);
    expect(audit.count).toBe(1);
  });

  test("leadership reads the quarter's forecast and drills into at risk", async ({ page }) => {
    const customer = await customerWithRenewal({ amountCents: 7_000_000n, renewalInDays: 10, name: `Forecast At Risk ${randomUUID().slice(0, 8)}` });
    const csmId = (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'csm@baton.test'`)).id;
    await query(
      `INSERT INTO "RenewalForecast" ("renewalOpportunityId", category, "amountCents", outcome, "setById", "setAt", "updatedAt") VALUES ($1, 'AT_RISK', 2500000, 'DOWNSELL', $2, now(), now())`,
      [customer.renewalId, csmId],
    );
    const quarter = quarterOf(customer.renewalDate);
    await signIn(page, "leader@baton.test");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forecast" }).click();
    await page.goto(`/forecast?quarter=${quarter}`);
    await expect(page.getByRole("heading", { name: `Renewal forecast · ${quarter}` })).toBeVisible();
    await expect(page.getByText(`Forecast NRR ${quarter}`)).toBeVisible();
    const company = page.getByRole("table", { name: "Forecast roll-up: company, managers, CSMs" }).getByRole("row").nth(1);
    await expect(company).toContainText("Company");

    await page.getByRole("link", { name: /^At risk/ }).click();
    await expect(page).toHaveURL(/bucket=AT_RISK/);
    await expect(page.getByRole("heading", { name: "Renewals: At risk" })).toBeVisible();
    const table = page.getByRole("table", { name: "Renewals in the forecast" });
    await expect(table.getByRole("link", { name: customer.name })).toBeVisible();
    const rows = table.getByRole("row");
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    for (let index = 1; index < count; index += 1) await expect(rows.nth(index).getByRole("cell").nth(1)).toHaveText(/^At risk/);

    await table.getByRole("link", { name: customer.name }).click();
    await expect(page).toHaveURL(new RegExp(`/renewals/${customer.renewalId}$`));
    await expect(page.getByText("At risk · $25,000.00 · Downsell", { exact: true })).toBeVisible();
    // Leadership reads; it has no forecast forms.
    await expect(page.getByRole("form", { name: "Your forecast" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Manager override" })).toHaveCount(0);
  });

  test("an AE is refused the forecast page and a renewal's forecast", async ({ page }) => {
    const customer = await customerWithRenewal({ amountCents: 5_000_000n, renewalInDays: 50 });
    await signIn(page, "ae@baton.test");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forecast" })).toHaveCount(0);
    const response = await page.goto("/forecast");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    const renewal = await page.goto(`/renewals/${customer.renewalId}`);
    expect(renewal?.status()).toBe(403);
    const csv = await page.request.get("/api/forecast/export");
    expect(csv.status()).toBe(403);
  });
});
