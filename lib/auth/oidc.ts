import type { OIDCConfig } from "next-auth/providers";

// Single sign-on with any OpenID Connect provider — Okta, Google Workspace, Microsoft Entra ID — configured by
// environment variables and off by default. Sign-in matches the verified e-mail to an existing, active Baton
// user (lib/auth/index.ts); nobody signs up through SSO.

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  AUTH_OIDC_ISSUER?: string;
  AUTH_OIDC_CLIENT_ID?: string;
  AUTH_OIDC_CLIENT_SECRET?: string;
  AUTH_OIDC_NAME?: string;
}

export interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** The provider when all three variables are set, else null (SSO off). */
export function oidcProvider(settings: OidcSettings): OIDCConfig<OidcProfile> | null {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = settings;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.AUTH_OIDC_NAME || "SSO",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    profile(profile) {
      // Entra ID may leave `email` empty and put the address in preferred_username.
      const email = (profile.email ?? profile.preferred_username ?? "").trim().toLowerCase();
      return { id: profile.sub, email, name: profile.name ?? email };
    },
  };
}

/** The e-mail an SSO sign-in may be matched on: present, and not declared unverified by the provider. */
export function ssoEmail(profile: Partial<OidcProfile> | undefined, fallback: string | null | undefined): string | null {
  if (profile?.email_verified === false) return null;
  const email = (profile?.email ?? profile?.preferred_username ?? fallback ?? "").trim().toLowerCase();
  return email.includes("@") ? email : null;
}
