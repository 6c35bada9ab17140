import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionClaims } from "@/lib/auth/session-cookie";

// next-auth's own decode, counted: a remembered cookie is not decrypted again.
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...real,
    decode: (async (...args: Parameters<typeof real.decode>) => {
      decodes.count += 1;
      return real.decode(...args);
    }) as typeof real.decode,
  };
});

const SECRET = "unit-test-secret-unit-test-secret-0123";
const NAME = "authjs.session-token";

async function cookieOf(token: Record<string, unknown>, options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({ token, secret: options.secret ?? SECRET, salt: options.salt ?? NAME, maxAge: options.maxAge });
}

const jar = (values: Record<string, string>) => (name: string) => values[name];

describe("the session cookie's claims", () => {
  it("name the user and the server-side session of a cookie signed with the secret", async () => {
    const token = await cookieOf({ sub: "user_1", sid: "session_1", name: "Ada" });
    expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_1", sessionId: "session_1" });
  });

  it("are read from the __Secure- cookie over HTTPS", async () => {
    const secure = `__Secure-${NAME}`;
    const token = await cookieOf({ sub: "user_2", sid: "session_2" }, { salt: secure });
    expect(await sessionClaims(jar({ [secure]: token }), SECRET)).toEqual({ userId: "user_2", sessionId: "session_2" });
  });

  it("are null for no cookie, another secret, another cookie's salt, a tampered or expired token, or no session id", async () => {
    const good = await cookieOf({ sub: "user_1", sid: "session_1" });
    expect(await sessionClaims(jar({}), SECRET)).toBeNull();
    expect(await sessionClaims(jar({ [NAME]: good }), undefined)).toBeNull();
    expect(await sessionClaims(jar({ [NAME]: good }), "another-secret-another-secret-0123456")).toBeNull();
    expect(await sessionClaims(jar({ [`__Secure-${NAME}`]: good }), SECRET)).toBeNull();
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionClaims(jar({ [NAME]: tampered }), SECRET)).toBeNull();
    expect(await sessionClaims(jar({ [NAME]: await cookieOf({ sub: "user_1", sid: "session_1" }, { maxAge: -60 }) }), SECRET)).toBeNull();
    expect(await sessionClaims(jar({ [NAME]: await cookieOf({ sub: "user_1" }) }), SECRET)).toBeNull();
  });

  describe("remembered after the first decryption", () => {
    afterEach(() => vi.useRealTimers());

    it("without decrypting it again", async () => {
      const token = await cookieOf({ sub: "user_6", sid: "session_6" });
      const before = decodes.count;
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_6", sessionId: "session_6" });
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_6", sessionId: "session_6" });
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_6", sessionId: "session_6" });
      expect(decodes.count - before).toBe(1);
    });

    it("only for the secret that decrypted the cookie", async () => {
      const token = await cookieOf({ sub: "user_3", sid: "session_3" });
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_3", sessionId: "session_3" });
      expect(await sessionClaims(jar({ [NAME]: token }), "another-secret-another-secret-0123456")).toBeNull();
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_3", sessionId: "session_3" });
    });

    it("until the cookie's own expiry", async () => {
      const token = await cookieOf({ sub: "user_4", sid: "session_4" }, { maxAge: 60 });
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toEqual({ userId: "user_4", sessionId: "session_4" });
      vi.useFakeTimers({ toFake: ["Date"] });
      // Past next-auth's own 15 s of clock tolerance too.
      vi.setSystemTime(Date.now() + 80_000);
      expect(await sessionClaims(jar({ [NAME]: token }), SECRET)).toBeNull();
    });

    it("never for a tampered cookie, even after the genuine one was read", async () => {
      const good = await cookieOf({ sub: "user_5", sid: "session_5" });
      expect(await sessionClaims(jar({ [NAME]: good }), SECRET)).not.toBeNull();
      const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
      expect(await sessionClaims(jar({ [NAME]: tampered }), SECRET)).toBeNull();
    });
  });
});
