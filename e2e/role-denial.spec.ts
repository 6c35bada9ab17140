import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { one } from "./support/db";

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === name);
  if (!entry) throw new Error(`No server action ${name} in ${file}`);
  return entry[0];
}

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
    const response = await page.request.post("/admin/users", {
      headers: {
        "Next-Action": actionId("app/(app)/admin/users/actions.ts", "setUserActiveAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ userId: target.id, active: false }]),
    });
    expect(await response.text()).toContain("You do not have access to this.");
    const after = await one<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [target.id]);
    expect(after.active).toBe(true);
  });
});
