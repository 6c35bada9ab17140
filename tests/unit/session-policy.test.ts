import { describe, expect, it } from "vitest";
import { needsTouch, sessionEnd, sessionExpiry } from "@/lib/auth/session-policy";

const policy = { maxHours: 12, idleMinutes: 60 };
const signedIn = new Date("2026-11-20T08:00:00Z");
const at = (iso: string) => new Date(iso);

describe("session lifetime", () => {
  it("has an absolute end 12 hours after sign-in, whatever the activity", () => {
    const session = { expiresAt: sessionExpiry(signedIn, policy), lastSeenAt: at("2026-11-20T19:59:00Z"), endedAt: null };
    expect(session.expiresAt.toISOString()).toBe("2026-11-20T20:00:00.000Z");
    expect(sessionEnd(session, at("2026-11-20T19:59:30Z"), policy)).toBeNull();
    expect(sessionEnd(session, at("2026-11-20T20:00:00Z"), policy)).toBe("expired");
  });

  it("ends after an hour without a request", () => {
    const session = { expiresAt: sessionExpiry(signedIn, policy), lastSeenAt: at("2026-11-20T09:00:00Z"), endedAt: null };
    expect(sessionEnd(session, at("2026-11-20T09:59:59Z"), policy)).toBeNull();
    expect(sessionEnd(session, at("2026-11-20T10:00:00Z"), policy)).toBe("idle");
  });

  it("an ended session stays ended", () => {
    expect(sessionEnd({ expiresAt: sessionExpiry(signedIn, policy), lastSeenAt: signedIn, endedAt: signedIn }, signedIn, policy)).toBe("ended");
  });

  it("writes lastSeenAt at most once a minute", () => {
    expect(needsTouch({ lastSeenAt: signedIn }, at("2026-11-20T08:00:59Z"))).toBe(false);
    expect(needsTouch({ lastSeenAt: signedIn }, at("2026-11-20T08:01:00Z"))).toBe(true);
  });
});
