import { expect, test } from "@playwright/test";
import { callServerAction } from "./support/actions";
import { signIn } from "./support/auth";
import { one } from "./support/db";

test.describe("the server refuses what a role may not do", () => {
  test("a CSM opening an admin page by URL gets a 403 page", async ({ page }) => {
    await signIn(page, "csm@baton.test");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("admin@baton.test")).toHaveCount(0);

    const settings = await page.goto("/admin/settings");
    expect(settings?.status()).toBe(403);
  });

  test("a CSM calling the admin deactivate action directly is refused and nothing changes", async ({ page }) => {
    const target = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'ae@baton.test'`);
    await signIn(page, "csm@baton.test");
    const body = await callServerAction(page, { path: "/admin/users", file: "components/admin/user-active-actions.ts", name: "setUserActiveAction", args: [{ userId: target.id, active: false }] });
    expect(body).toContain("You do not have access to this.");
    const after = await one<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [target.id]);
    expect(after.active).toBe(true);
  });
});
