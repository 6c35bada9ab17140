import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authConfig } from "@/lib/auth/config";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { signInSchema } from "@/lib/auth/schemas";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import { OIDC_PROVIDER_ID, oidcProvider, ssoEmail, type OidcProfile } from "@/lib/auth/oidc";
import { activeUserIdByEmail } from "@/lib/server/auth/sso";
import { endSession, startSession } from "@/lib/server/auth/sessions";
import { clientAddress } from "@/lib/server/client-address";
import { isDatabaseUnreachable, logDatabaseUnreachable } from "@/lib/server/database-health";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Refused by the throttle before the password was checked; the code carries what the form says. */
export class SignInThrottled extends CredentialsSignin {
  constructor(refusal: { kind: string; minutes?: number; seconds?: number }) {
    super();
    this.code = `${refusal.kind}:${refusal.minutes ?? refusal.seconds ?? 0}`;
  }
}

export class DatabaseUnreachable extends CredentialsSignin {
  code = "database_unreachable";
}

const sso = oidcProvider(env());

async function requestAddress(request?: Request): Promise<string> {
  return clientAddress(request?.headers ?? (await headers()));
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  // A refused sign-in is an expected outcome, answered on the form; only real failures are logged.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const address = await requestAddress(request);
          const result = await verifyCredentials(parsed.data.email, parsed.data.password, { address });
          if (result.status === "throttled") throw new SignInThrottled(result.refusal);
          if (result.status !== "ok") throw new InvalidCredentials();
          const sessionId = await startSession(result.user.id, address);
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId };
        } catch (error) {
          if (!isDatabaseUnreachable(error)) throw error;
          logDatabaseUnreachable("sign-in", error);
          throw new DatabaseUnreachable();
        }
      },
    }),
    ...(sso ? [sso] : []),
  ],
  events: {
    // Sign-out ends the server-side session: the old cookie is worthless from this moment.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid, "signed out");
    },
  },
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
      if (params.user?.sessionId) token.sid = params.user.sessionId;
      // The provider's user id is not Baton's: the session carries the matched user's id, and a session of its own.
      if (params.account?.provider === OIDC_PROVIDER_ID) {
        const email = ssoEmail(params.profile as Partial<OidcProfile> | undefined, params.user?.email);
        const id = email ? await activeUserIdByEmail(email) : null;
        if (id) {
          token.sub = id;
          token.sid = await startSession(id, await requestAddress());
        }
      }
      return token;
    },
  },
});
