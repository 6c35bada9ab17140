import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

// The part of the auth setup that proxy.ts shares with lib/auth/index.ts (no Prisma here). The cookie lives as
// long as the session's absolute lifetime and is never re-issued: the server-side session (lib/server/auth/sessions.ts)
// decides validity, idleness and sign-out, so nothing needs a fresh cookie on each response.
// The calendar feed answers calendar apps by its secret token (lib/server/calendar), never by session.
// The REST API (bearer tokens) and the CRM webhook (signatures) authenticate themselves, without a session.
export const PUBLIC_PATHS = ["/login", "/api/auth", "/api/calendar", "/api/v1", "/api/webhooks"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: Math.round(env().SESSION_MAX_HOURS * 3600) },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
