import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./support/auth";
import { one } from "./support/db";
import { openDealFor } from "./support/rows";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function openStep(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Handoff steps" }).getByRole("button", { name: new RegExp(`^${label}`) }).click();
}

async function saved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
}

test("an AE closes a deal and completes the handoff wizard, surviving a reload", async ({ page, browser }) => {
  const deal = await openDealFor("ae@baton.test");
  await signIn(page, "ae@baton.test");
  await page.goto(`/deals/${deal.dealId}`);
  await page.getByRole("button", { name: "Mark closed-won" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm closed-won" }).click();
  await expect(page).toHaveURL(/\/handoffs\/[\w-]+/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(deal.accountName) })).toBeVisible();
  await expect(page.getByText(/of 72 business hours/)).toBeVisible();
  const handoffUrl = page.url().split("?")[0]!;

  // Contract details are prefilled from the deal; a bad amount is named at its field.
  const arr = page.getByLabel("ARR (USD)");
  await expect(arr).not.toHaveValue("");
  const arrValue = await arr.inputValue();
  await arr.fill("12,000");
  await page.getByRole("button", { name: /Next: Why they bought/ }).click();
  await openStep(page, "Contract details");
  await expect(arr).toHaveAttribute("aria-invalid", "true");
  await expect(arr).toHaveAccessibleDescription("Enter an amount in dollars, e.g. 120000 or 120000.50");
  await arr.fill(arrValue);

  await openStep(page, "Why they bought");
  await page.getByRole("textbox", { name: "Why they bought" }).fill("Replacing spreadsheets for renewal tracking");
  await page.getByRole("textbox", { name: "Pain points" }).fill("Renewals discovered too late\nNo single view of customer health");

  await openStep(page, "Success criteria");
  await page.getByRole("button", { name: "Add success criterion" }).click();
  await page.getByLabel("Metric (criterion 1)").fill("Renewal forecast accuracy");
  await page.getByLabel("Baseline (criterion 1)").fill("60%");
  await page.getByLabel("Target (criterion 1)").fill("90%");
  await page.getByLabel("Due by (criterion 1)").fill("2027-06-30");
  await saved(page);

  // Halfway: a reload brings everything back.
  await page.reload();
  await openStep(page, "Success criteria");
  await expect(page.getByLabel("Metric (criterion 1)")).toHaveValue("Renewal forecast accuracy");
  await expect(page.getByLabel("Due by (criterion 1)")).toHaveValue("2027-06-30");
  await openStep(page, "Why they bought");
  await expect(page.getByRole("textbox", { name: "Pain points" })).toHaveValue("Renewals discovered too late\nNo single view of customer health");

  await openStep(page, "Key stakeholders");
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  const row = await page.getByRole("list", { name: "Key stakeholders" }).getByRole("listitem").count();
  await page.getByLabel(`Name (stakeholder ${row})`).fill("Morgan Lee");
  await page.getByLabel(`Title (stakeholder ${row})`).fill("Director of Revenue Operations");
  await page.getByLabel(`Role (stakeholder ${row})`).selectOption("CHAMPION");
  await page.getByLabel(`Email (stakeholder ${row})`).fill("morgan.lee@customer-e2e.test");
  await page.getByLabel(`Priority (stakeholder ${row})`).selectOption("HIGH");

  await openStep(page, "Technical requirements");
  await page.getByRole("textbox", { name: "Technical requirements" }).fill("SSO via Okta\nData residency in the EU");
  await page.getByLabel("Integrations needed").fill("Salesforce");

  await openStep(page, "Implementation timeline");
  await page.getByLabel("Implementation start").fill("2026-12-01");
  await page.getByLabel("Go-live", { exact: true }).fill("2027-02-15");

  await openStep(page, "Risk factors");
  await page.getByRole("button", { name: "Add risk factor" }).click();
  await page.getByLabel("Risk (risk 1)").fill("Champion is new in role");
  await page.getByLabel("Severity (risk 1)").selectOption("MEDIUM");
  await page.getByLabel("Mitigation (risk 1)").fill("Add the CFO as executive sponsor");
  await saved(page);

  await openStep(page, "3. Documentation transfer");
  await page.getByLabel("Document type").selectOption("SIGNED_CONTRACT");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "Signed contract.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("link", { name: /Signed contract\.pdf/ })).toBeVisible();

  await page.reload();
  await openStep(page, "Key stakeholders");
  await expect(page.getByLabel(`Email (stakeholder ${row})`)).toHaveValue("morgan.lee@customer-e2e.test");

  await openStep(page, "Submit checklist");
  await expect(page.getByText("Every required item is complete.")).toBeVisible();
  await page.getByRole("button", { name: "Submit handoff" }).click();
  await expect(page.getByText("The checklist was submitted.")).toBeVisible();
  await expect(page.getByText(/New customer handoff · Submitted/)).toBeVisible();

  // A second AE is refused that handoff by the server.
  const otherAe = await one<{ email: string }>(`SELECT email FROM "User" WHERE role = 'AE' AND email <> 'ae@baton.test' ORDER BY email LIMIT 1`);
  const otherPage = await signInAs(browser, otherAe.email);
  const response = await otherPage.goto(handoffUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the handoff document is printable and copies as Markdown in the Handoff Complete format", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const handoff = await one<{ id: string; account: string }>(
    `SELECT h.id, a.name AS account FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId" JOIN "Deal" d ON d.id = h."dealId"
     JOIN "User" u ON u.id = d."ownerId" WHERE u.email = 'ae@baton.test' AND h.status IN ('COMPLETED', 'ACKNOWLEDGED') ORDER BY h."startedAt" DESC LIMIT 1`,
  );
  await signIn(page, "ae@baton.test");
  await page.goto(`/handoffs/${handoff.id}/document`);
  for (const section of ["Assignment", "Handoff Summary", "Implementation Plan", "Scheduled Touchpoints", "Renewal Pipeline Created", "Risk Assessment", "Expansion Opportunity", "Handoff Meeting"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await page.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("## ✅ Customer Handoff Complete");
  expect(markdown).toContain(`**Account**: ${handoff.account}`);
  expect(markdown).toContain("| Name | Title | Role | Priority |");
  expect(markdown).toContain("- [x] CSM assigned");
});
