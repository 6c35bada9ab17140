import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "baton-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The button reads "Signing in…" while pending; done means the app has navigated away from the login page.
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Signs in as someone else in a new browser context. Reusing a page after clearing its cookies races the
 * previous user's in-flight prefetches, whose responses would set their session again.
 */
export async function signInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
