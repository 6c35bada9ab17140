import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { one } from "./support/db";

/** "$1,234,567.89" → 123456789n */
function cents(text: string): bigint {
  const match = /(-?)\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`Not an amount in cents: ${text}`);
  const value = BigInt(match[2]!.replace(/,/g, "") + match[3]!);
  return match[1] === "-" ? -value : value;
}

async function columnTotal(page: Page, header: string): Promise<bigint> {
  const table = page.getByRole("table", { name: "Cohort accounts" });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼↕]/g, "").trim() === header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  const cells = await table.locator("tbody tr").evaluateAll((rows, column) => rows.map((row) => row.children[column]?.textContent ?? ""), index);
  return cells.reduce((total, text) => total + cents(text), 0n);
}

test.describe("leadership dashboard", () => {
  test("leadership changes the period and a segment cut, then drills into NRR: the rows add up to the numerator", async ({ page }) => {
    await signIn(page, "leader@baton.test");
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByTestId("dashboard-period")).toContainText("Last 12 complete months");
    for (const title of ["Gross revenue retention", "Net revenue retention", "Renewal visibility at 90 days", "Time to first value", "Handoff SLA"]) {
      await expect(page.getByRole("heading", { name: title })).toBeVisible();
    }
    await expect(page.getByRole("img", { name: /Trend of gross, net and logo retention/ })).toBeVisible();

    await page.getByLabel("Period").selectOption("6m");
    await page.getByLabel("Segment").selectOption("ENTERPRISE");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/period=6m/);
    await expect(page).toHaveURL(/segment=ENTERPRISE/);
    await expect(page.getByTestId("dashboard-period")).toContainText("Last 6 complete months");
    await expect(page.getByTestId("dashboard-cut")).toHaveText("Enterprise");

    const numeratorLink = page.getByRole("link", { name: /^NRR numerator / });
    const numerator = cents(await numeratorLink.innerText());
    await numeratorLink.click();
    await expect(page.getByRole("heading", { name: "Cohort accounts", level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/segment=ENTERPRISE/);
    // Every row on one page, then add the End ARR column up.
    await page.goto(`${page.url()}&perPage=200`);
    await expect(page.getByText(/page 1 of 1/)).toBeVisible();
    const totals = page.getByRole("region", { name: /Totals over all/ });
    const shownTotal = cents(await totals.locator("dt", { hasText: "Σ End ARR" }).locator("xpath=following-sibling::dd").innerText());
    expect(shownTotal).toBe(numerator);
    expect(await columnTotal(page, "End ARR")).toBe(numerator);
    // Every row is an Enterprise account.
    const segments = await page.getByRole("table", { name: "Cohort accounts" }).locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(segments.length).toBeGreaterThan(0);
    expect(new Set(segments)).toEqual(new Set(["Enterprise"]));

    const csv = await page.request.get(`/dashboard/export/retention-accounts?period=6m&segment=ENTERPRISE`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toContain("End ARR (USD)");
    expect(lines).toHaveLength(segments.length + 1);
  });

  test("a CS manager sees their team by default, and every account or another team's CSM on request", async ({ page }) => {
    const other = await one<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM "User" u JOIN "User" m ON m.id = u."managerId" WHERE u.role = 'CSM' AND m.email <> 'manager@baton.test' ORDER BY u.name LIMIT 1`,
    );
    await signIn(page, "manager@baton.test");
    await page.goto("/dashboard");
    await expect(page.getByTestId("dashboard-cut")).toHaveText("Your team's accounts");
    // Every CSM can be chosen, not only the team's: the picker finds another team's CSM by name (no list shipped).
    const picker = page.getByRole("combobox", { name: "CSM", exact: true });
    await expect(page.locator("option", { hasText: other.name })).toHaveCount(0);
    await picker.fill(other.name.slice(0, 4));
    await expect(page.getByRole("listbox", { name: "CSM choices" }).getByRole("option").filter({ hasText: other.name }).first()).toBeVisible();
    await picker.press("Escape");

    await page.getByLabel("Accounts", { exact: true }).selectOption("all");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/team=all/);
    await expect(page.getByTestId("dashboard-cut")).toHaveText("All accounts");

    await page.goto(`/dashboard?csm=${other.id}`);
    await expect(page.getByTestId("dashboard-cut")).toHaveText(`CSM ${other.name}`);
  });

  test("an AE is refused the dashboard and its exports, and sees their own credit instead", async ({ page }) => {
    await signIn(page, "ae@baton.test");
    await expect(page.getByRole("link", { name: "Dashboard", exact: true })).toHaveCount(0);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    const details = await page.goto("/dashboard/details/retention-accounts");
    expect(details?.status()).toBe(403);
    const csv = await page.request.get("/dashboard/export/retention-accounts");
    expect(csv.status()).toBe(403);

    await page.goto("/");
    await page.getByRole("link", { name: "My expansion credit" }).click();
    await expect(page.getByRole("heading", { name: "My expansion credit" })).toBeVisible();
    await expect(page.getByText("Expansion ARR credited")).toBeVisible();
    // Only their own accounts, whoever else has credit.
    const names = await page.getByRole("table", { name: "Expansions that earn credit" }).locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toBe("Jamie Brooks");
  });
});
