import { decode } from "next-auth/jwt";

// The session cookie is a JWT (encrypted with AUTH_SECRET, salted with the cookie's name) that only names the
// server-side session and its user; lib/server/auth/sessions.ts decides whether that session still holds.
// Read here directly: next-auth's auth() answers the same by running its whole session endpoint in-process (a
// Request, the JWT decrypted, re-encrypted for a cookie a page cannot set, a Response, JSON out and back), which
// was ~5% of the web process's CPU under bench:load.

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** The user and session a valid, unexpired session cookie names; null when there is none, or it is forged or expired. */
export async function sessionClaims(cookie: (name: string) => string | undefined, secret: string | undefined): Promise<SessionClaims | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sub === "string" && typeof payload.sid === "string" && payload.sub && payload.sid) return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      // tampered or expired: not signed in
    }
  }
  return null;
}
