import type { NextAuthConfig } from "next-auth";

// Edge-safe part of the auth setup (no Prisma): used by proxy.ts and extended by lib/auth/index.ts.
// The calendar feed answers calendar apps by its secret token (lib/server/calendar), never by session.
// The REST API (bearer tokens) and the CRM webhook (signatures) authenticate themselves, without a session.
const PUBLIC_PATHS = ["/login", "/api/auth", "/api/calendar", "/api/v1", "/api/webhooks"];

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return true;
      if (auth?.user) return true;
      // Next rewrites the host inside the proxy; keep only path and query so the way back stays on this origin.
      const login = new URL("/login", request.nextUrl);
      login.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
      return Response.redirect(login);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
