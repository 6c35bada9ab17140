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

interface Decoded {
  secret: string;
  claims: SessionClaims;
  expiresAtMs: number;
}

// Every page request decrypts the same cookie twice (the proxy, then the page), and a signed-in user sends the same
// cookie for hours: HKDF and the JWE decryption were ≈ 3 % of the web process's CPU under bench:load. A cookie that
// decrypted once is remembered until its own expiry, for the secret it decrypted with; forged or expired ones are
// never stored, and the server-side session row still decides on every request whether it holds.
const decoded = new Map<string, Decoded>();
const DECODED_MAX = 2_000;

// Least recently used first out: a hit moves its cookie to the end.
function remember(key: string, entry: Decoded) {
  decoded.delete(key);
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, entry);
}

/** The user and session a valid, unexpired session cookie names; null when there is none, or it is forged or expired. */
export async function sessionClaims(cookie: (name: string) => string | undefined, secret: string | undefined): Promise<SessionClaims | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (!token) continue;
    const key = `${name}\n${token}`;
    const known = decoded.get(key);
    if (known && known.secret === secret && known.expiresAtMs > Date.now()) {
      remember(key, known);
      return known.claims;
    }
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sub === "string" && typeof payload.sid === "string" && payload.sub && payload.sid) {
        const claims = { userId: payload.sub, sessionId: payload.sid };
        // decode() allows 15 s past exp; such a cookie is answered but not remembered.
        if (typeof payload.exp === "number" && payload.exp * 1000 > Date.now()) remember(key, { secret, claims, expiresAtMs: payload.exp * 1000 });
        return claims;
      }
    } catch {
      // tampered or expired: not signed in
    }
  }
  return null;
}
