import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { one } from "./support/db";

test.describe("signing in", () => {
  test("lists the demo sign-ins on the login page", async ({ page }) => {
    await page.goto("/login");
    const demo = page.getByRole("region", { name: /Demo sign-ins/ });
    for (const email of ["admin@baton.test", "leader@baton.test", "manager@baton.test", "csm@baton.test", "ae@baton.test"]) {
      await expect(demo.getByText(email)).toBeVisible();
    }
  });

  test("a wrong password is refused with a message, and the e-mail is kept", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill("leader@baton.test");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /e-mail and password do not match/ })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("leader@baton.test");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form names the missing fields", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your work e-mail address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("a signed-out visit goes to the login page and back to where it was", async ({ page }) => {
    await page.goto("/admin/users?role=CSM");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers%3Frole%3DCSM/);
    await signIn(page, "admin@baton.test");
    await expect(page).toHaveURL(/\/admin\/users\?role=CSM$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    // Other tests add users, so which ones are on the first page varies; the list itself is the admin's home.
    await expect(page.getByRole("table", { name: "Users" }).getByRole("cell", { name: /@/ }).first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/\d+ rows/);
    await expect(page.getByRole("cell", { name: "ae@baton.test" })).toHaveCount(0);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "leader@baton.test");
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("each role lands on its own home", () => {
  test("AE: my handoffs due and my open deals", async ({ page }) => {
    const handoff = await one<{ name: string }>(
      `SELECT a.name FROM "Handoff" h JOIN "Deal" d ON d.id = h."dealId" JOIN "Account" a ON a.id = h."accountId"
       JOIN "User" u ON u.id = d."ownerId" WHERE u.email = 'ae@baton.test' AND h.status IN ('IN_PROGRESS', 'SUBMITTED')
       ORDER BY h."dueAt" LIMIT 1`,
    );
    const deal = await one<{ name: string }>(
      `SELECT d.name FROM "Deal" d JOIN "User" u ON u.id = d."ownerId"
       WHERE u.email = 'ae@baton.test' AND d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY d."closeDate", d.id LIMIT 1`,
    );
    await signIn(page, "ae@baton.test");
    const handoffs = page.getByRole("region", { name: "My handoffs due" });
    await expect(handoffs.getByText(handoff.name).first()).toBeVisible();
    await expect(handoffs.getByText(/\d+h \d+m (left|overdue)/).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "My open deals" }).getByText(deal.name).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  });

  test("CSM: my accounts and touchpoints", async ({ page }) => {
    const account = await one<{ name: string; count: string }>(
      `SELECT a.name, (SELECT count(*) FROM "Account" x WHERE x."csmId" = u.id) AS count
       FROM "Account" a JOIN "User" u ON u.id = a."csmId" WHERE u.email = 'csm@baton.test' ORDER BY a."arrCents" DESC, a.name LIMIT 1`,
    );
    await signIn(page, "csm@baton.test");
    await expect(page.getByRole("region", { name: "My accounts" }).getByText(account.name).first()).toBeVisible();
    await expect(page.getByText(new RegExp(`^${account.count}/\\d+ accounts$`))).toBeVisible();
  });

  test("CS manager: assignments awaiting review", async ({ page }) => {
    const pending = await one<{ name: string }>(
      `SELECT a.name FROM "CsmAssignment" c JOIN "Account" a ON a.id = c."accountId" LEFT JOIN "Handoff" h ON h.id = c."handoffId"
       WHERE c.status = 'PENDING' ORDER BY h."dueAt" NULLS LAST, c."createdAt", c.id LIMIT 1`,
    );
    await signIn(page, "manager@baton.test");
    await expect(page.getByRole("region", { name: "CSM assignments awaiting review" }).getByText(pending.name).first()).toBeVisible();
  });

  test("leadership: ARR and retention headline", async ({ page }) => {
    const total = await one<{ cents: string }>(`SELECT COALESCE(SUM("arrCents"), 0)::text AS cents FROM "Account" WHERE "arrCents" > 0`);
    const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
      Number(BigInt(total.cents) / 100n),
    );
    await signIn(page, "leader@baton.test");
    await expect(page.getByText(dollars).first()).toBeVisible();
    await expect(page.getByText("Gross revenue retention")).toBeVisible();
    await expect(page.getByText(/^\d{2,3}\.\d%$/).first()).toBeVisible();
  });

  test("admin: users", async ({ page }) => {
    await signIn(page, "admin@baton.test");
    // Other tests add users, so which ones are on the first page varies; the list itself is the admin's home.
    await expect(page.getByRole("table", { name: "Users" }).getByRole("cell", { name: /@/ }).first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/\d+ rows/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" })).toBeVisible();
  });
});
