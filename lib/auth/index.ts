import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { signInSchema } from "@/lib/auth/schemas";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import { OIDC_PROVIDER_ID, oidcProvider, ssoEmail, type OidcProfile } from "@/lib/auth/oidc";
import { activeUserIdByEmail } from "@/lib/server/auth/sso";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

const sso = oidcProvider(env());

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // A refused sign-in is an expected outcome, answered on the form; only real failures are logged.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (result.status === "locked") throw new SignInLocked();
        if (result.status !== "ok") throw new InvalidCredentials();
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    ...(sso ? [sso] : []),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // SSO: only an existing, active user with the provider's verified e-mail gets in (no sign-up).
    async signIn({ account, profile, user }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const email = ssoEmail(profile as Partial<OidcProfile> | undefined, user.email);
      if (email && (await activeUserIdByEmail(email))) return true;
      logger.warn({ email }, "SSO sign-in refused: no active Baton user with this e-mail");
      return "/login?error=sso";
    },
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      // The provider's user id is not Baton's: the session carries the matched user's id.
      if (params.account?.provider === OIDC_PROVIDER_ID) {
        const email = ssoEmail(params.profile as Partial<OidcProfile> | undefined, params.user?.email);
        const id = email ? await activeUserIdByEmail(email) : null;
        if (id) token.sub = id;
      }
      return token;
    },
  },
});
