import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { BASE_URL, clearSignInThrottle } from "./support/session";

// Issue 11: security headers on every page and API response, a Content-Security-Policy whose nonce Next puts on
// its own scripts (the app still runs under it), a throttle that a forged X-Forwarded-For cannot dodge, and no
// 500 from a NUL byte in an address or a filter.

test("pages carry a nonce'd CSP that Next's scripts satisfy, plus the static headers", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const login = await page.goto("/login");
  const headers = login!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
  });
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const second = await page.request.get("/login");
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);

  // The client-side app works under the policy: sign in, open the dashboard (charts) and a form.
  await signIn(page, "leader@baton.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: /account menu/i }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("API responses, downloads and the unauthenticated API carry the headers too", async ({ page, request }) => {
  for (const path of ["/api/v1/openapi.json", "/api/v1/renewals", "/api/renewals/export", "/api/webhooks/crm"]) {
    const answer = await request.get(path);
    const headers = answer.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(answer.status(), path).toBeLessThan(500);
  }
  await signIn(page, "admin@baton.test");
  const exported = await page.request.get("/api/admin/exports/products");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
});

test("a NUL byte in an address or a filter is refused with 400 or 422, never a 500", async ({ page, request }) => {
  await signIn(page, "manager@baton.test");
  for (const path of ["/deals/%00", "/renewals?q=a%00b", "/accounts?segment=%00", "/api/renewals/export?stage=%00"]) {
    const answer = await page.request.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(400);
    expect(await answer.text(), path).toContain("NUL");
  }
  const api = await request.get("/api/v1/renewals?stage=%00", { headers: { authorization: "Bearer nobody" } });
  expect([401, 422]).toContain(api.status());
});

test.describe("sign-in throttle over HTTP", () => {
  test.beforeEach(clearSignInThrottle);
  test.afterEach(clearSignInThrottle);

  test("a forged X-Forwarded-For does not buy fresh attempts: the connection's address is locked", async ({ browser }) => {
    const attempt = async (forged: string, password: string) => {
      const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": forged } });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email", { exact: true }).fill("ae@baton.test");
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("alert").filter({ hasText: /sign-in|match/ });
      await expect(alert).toBeVisible();
      const text = await alert.innerText();
      await context.close();
      return text;
    };
    for (let i = 1; i <= 5; i++) expect(await attempt(`10.9.9.${i}`, "wrong password")).toMatch(/do not match/);
    expect(await attempt("10.9.9.99", "baton-demo")).toMatch(/Too many failed sign-ins from your network address/);
  });
});
