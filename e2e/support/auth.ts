import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "baton-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The button reads "Signing in…" while pending; done means the app has navigated away from the login page.
  await expect(page).not.toHaveURL(/\/login/);
}
