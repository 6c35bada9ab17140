import { describe, expect, it } from "vitest";
import { authConfig } from "@/lib/auth/config";

// proxy.ts lets a request through when `authorized` says so: the API and the webhook authenticate themselves.
function authorized(path: string, signedIn: boolean) {
  const nextUrl = new URL(`http://localhost:3000${path}`);
  return authConfig.callbacks.authorized({ auth: signedIn ? ({ user: { id: "u1" } } as never) : null, request: { nextUrl } as never });
}

describe("paths open without a session", () => {
  it("lets the REST API, its OpenAPI document and the CRM webhook through", () => {
    expect(authorized("/api/v1/deals/D-1/close-won", false)).toBe(true);
    expect(authorized("/api/v1/openapi.json", false)).toBe(true);
    expect(authorized("/api/webhooks/crm", false)).toBe(true);
  });

  it("sends a signed-out visitor of any other page or admin route to the sign-in page", () => {
    for (const path of ["/admin/imports", "/api/admin/exports/accounts", "/api/v1x"]) {
      const result = authorized(path, false);
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).headers.get("location")).toContain("/login?callbackUrl=");
    }
    expect(authorized("/admin/imports", true)).toBe(true);
  });
});
