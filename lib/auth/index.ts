import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { signInSchema } from "@/lib/auth/schemas";
import { logger } from "@/lib/logger";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

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
  ],
});
