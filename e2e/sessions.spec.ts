import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { callServerAction } from "./support/actions";
import { one } from "./support/db";
import { createTestUser, landsOn, sessionCookie, withCookie } from "./support/session";

// Issue 11: a session ends on the server, so an old cookie (kept by another tab, a copied header, an attacker)
// stops working at once.

const PASSWORD = "e2e-session-password";

test("signing out ends the session: the old cookie no longer opens a page or an API route", async ({ page }) => {
  await signIn(page, "leader@baton.test");
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith("authjs.session-token"));
  expect(cookie).toBeDefined();
  const old = await withCookie(`${cookie!.name}=${cookie!.value}`);
  expect(await landsOn(old, "/dashboard")).toBe("/dashboard");

  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  expect(await landsOn(old, "/dashboard")).toBe("/login");
  expect((await old.get("/api/renewals/export")).status()).toBe(401);
  await old.dispose();
});

test("an admin's password reset ends the user's sessions", async ({ browser }) => {
  const user = await createTestUser("CSM", PASSWORD);
  const old = await withCookie(await sessionCookie(user.email, PASSWORD));
  expect(await landsOn(old, "/book")).toBe("/book");

  const admin = await browser.newPage();
  await signIn(admin, "admin@baton.test");
  const body = await callServerAction(admin, { path: "/admin/users", file: "components/admin/user-admin-actions.ts", name: "resetUserPasswordAction", args: [{ userId: user.id }] });
  expect(body).toContain('"ok":true');

  expect(await landsOn(old, "/book")).toBe("/login");
  await old.dispose();
  await admin.close();
});

test("deactivating and then reactivating a user does not revive the old sessions", async ({ browser }) => {
  const user = await createTestUser("AE", PASSWORD);
  const old = await withCookie(await sessionCookie(user.email, PASSWORD));
  expect(await landsOn(old, "/deals")).toBe("/deals");

  const admin = await browser.newPage();
  await signIn(admin, "admin@baton.test");
  const action = (active: boolean) =>
    callServerAction(admin, { path: "/admin/users", file: "components/admin/user-active-actions.ts", name: "setUserActiveAction", args: [{ userId: user.id, active }] });
  expect(await action(false)).toContain('"ok":true');
  expect(await landsOn(old, "/deals")).toBe("/login");
  expect(await action(true)).toContain('"ok":true');
  expect(await landsOn(old, "/deals")).toBe("/login");

  // Signing in again works: only the old sessions are gone.
  const fresh = await withCookie(await sessionCookie(user.email, PASSWORD));
  expect(await landsOn(fresh, "/deals")).toBe("/deals");
  const ended = await one<{ count: string }>(`SELECT count(*)::text AS count FROM "UserSession" WHERE "userId" = $1 AND "endedAt" IS NOT NULL`, [user.id]);
  expect(ended.count).toBe("1");
  await Promise.all([old.dispose(), fresh.dispose(), admin.close()]);
});

test("pages do not re-issue the session cookie, and the cookie ends with the session's absolute lifetime", async () => {
  const user = await createTestUser("LEADERSHIP", PASSWORD);
  const cookie = await sessionCookie(user.email, PASSWORD);
  const context = await withCookie(cookie);
  for (const path of ["/", "/dashboard", "/renewals"]) {
    const answer = await context.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(200);
    expect(answer.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session-token")), path).toEqual([]);
  }
  const session = await one<{ hours: number }>(
    `SELECT extract(epoch FROM "expiresAt" - "createdAt") / 3600 AS hours FROM "UserSession" WHERE "userId" = $1`,
    [user.id],
  );
  expect(Number(session.hours)).toBe(12);
  await context.dispose();
});
