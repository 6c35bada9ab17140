import { request as playwrightRequest, expect, type APIRequestContext } from "@playwright/test";
import bcrypt from "bcryptjs";
import { one, query } from "./db";

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A user of its own for a test that changes it (password, active flag). */
export async function createTestUser(role: string, password: string): Promise<{ id: string; email: string }> {
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `e2e-${role.toLowerCase()}-${suffix}@example.test`;
  return one<{ id: string; email: string }>(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, now()) RETURNING id, email`,
    [`e2e_${suffix}`, email, `Zz E2E ${role} ${suffix}`, role, await bcrypt.hash(password, 10)],
  );
}

/** Signs in through next-auth's own endpoint and returns the session cookie ("name=value"). */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
    expect(answer.status()).toBe(302);
    const cookie = (await context.storageState()).cookies.find((candidate) => candidate.name.endsWith("authjs.session-token"));
    if (!cookie) throw new Error(`No session cookie for ${email}`);
    return `${cookie.name}=${cookie.value}`;
  } finally {
    await context.dispose();
  }
}

/** A request context that sends exactly this cookie (the "old cookie" kept by an attacker or another tab). */
export function withCookie(cookie: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie } });
}

/** Where a page request ends up: 200 on the page, or the login page's redirect. */
export async function landsOn(context: APIRequestContext, path: string): Promise<string> {
  const answer = await context.get(path, { maxRedirects: 0 });
  if (answer.status() >= 300 && answer.status() < 400) return new URL(answer.headers().location ?? "", BASE_URL).pathname;
  if (answer.status() === 200 && (await answer.text()).includes('name="password"')) return "/login";
  return answer.status() === 200 ? path : `status ${answer.status()}`;
}

export async function clearSignInThrottle(): Promise<void> {
  await query(`DELETE FROM "SignInThrottle"`);
}
