import { describe, expect, it } from "vitest";
import { oidcProvider, ssoEmail } from "@/lib/auth/oidc";

const OKTA = {
  AUTH_OIDC_ISSUER: "https://example.okta.com/oauth2/default",
  AUTH_OIDC_CLIENT_ID: "0oa-client",
  AUTH_OIDC_CLIENT_SECRET: "shh",
  AUTH_OIDC_NAME: "Okta",
};

describe("SSO (OpenID Connect) configuration", () => {
  it("is off without the environment variables, or with only some of them", () => {
    expect(oidcProvider({})).toBeNull();
    expect(oidcProvider({ AUTH_OIDC_ISSUER: OKTA.AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID: "x" })).toBeNull();
  });

  it("is a generic OIDC provider on the issuer with PKCE, state and nonce when configured", () => {
    const provider = oidcProvider(OKTA);
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oidc",
      name: "Okta",
      issuer: "https://example.okta.com/oauth2/default",
      clientId: "0oa-client",
      clientSecret: "shh",
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
    });
    expect(oidcProvider({ ...OKTA, AUTH_OIDC_NAME: undefined })?.name).toBe("SSO");
    expect(provider?.profile?.({ sub: "abc", email: "Ana@Example.com", name: "Ana" }, {} as never)).toEqual({ id: "abc", email: "ana@example.com", name: "Ana" });
    // Entra ID: the address may only be in preferred_username.
    expect(provider?.profile?.({ sub: "x", preferred_username: "Bo@corp.example" }, {} as never)).toMatchObject({ email: "bo@corp.example" });
  });

  it("matches only a present, not-unverified e-mail", () => {
    expect(ssoEmail({ email: "Ana@Example.com", email_verified: true }, null)).toBe("ana@example.com");
    expect(ssoEmail({ email: "ana@example.com", email_verified: false }, null)).toBeNull();
    expect(ssoEmail(undefined, "bo@example.com")).toBe("bo@example.com");
    expect(ssoEmail({ sub: "x" }, "")).toBeNull();
  });
});
