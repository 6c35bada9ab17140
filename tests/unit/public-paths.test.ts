import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/auth/config";

// proxy.ts sends a signed-out visitor to /login unless the path is public: the API and the webhook
// authenticate themselves.
describe("paths open without a session", () => {
  it("lets the REST API, its OpenAPI document, the CRM webhook and the login page through", () => {
    for (const path of ["/api/v1/deals/D-1/close-won", "/api/v1/openapi.json", "/api/webhooks/crm", "/login", "/api/auth/csrf"]) {
      expect(isPublicPath(path)).toBe(true);
    }
  });

  it("keeps every other page and admin route behind the session", () => {
    for (const path of ["/", "/admin/imports", "/api/admin/exports/accounts", "/api/v1x", "/loginx"]) expect(isPublicPath(path)).toBe(false);
  });
});
