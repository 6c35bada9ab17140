import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, minutesUntilUnlocked } from "@/lib/auth/throttle";

const policy = { maxFailures: 5, lockMinutes: 15 };
const now = new Date("2026-11-20T12:00:00Z");

describe("sign-in throttle", () => {
  it("counts failures below the limit without locking", () => {
    let state = afterFailure(null, now, policy);
    for (let i = 0; i < 3; i++) state = afterFailure(state, now, policy);
    expect(state).toEqual({ failures: 4, lockedUntil: null });
    expect(isLocked(state, now)).toBe(false);
  });

  it("locks for the configured minutes on the fifth failure", () => {
    const state = afterFailure({ failures: 4, lockedUntil: null }, now, policy);
    expect(state.lockedUntil?.toISOString()).toBe("2026-11-20T12:15:00.000Z");
    expect(isLocked(state, now)).toBe(true);
    expect(minutesUntilUnlocked(state, new Date("2026-11-20T12:05:30Z"))).toBe(10);
  });

  it("unlocks when the time is up and starts counting again", () => {
    const locked = { failures: 0, lockedUntil: new Date("2026-11-20T12:15:00Z") };
    const later = new Date("2026-11-20T12:16:00Z");
    expect(isLocked(locked, later)).toBe(false);
    expect(afterFailure(locked, later, policy)).toEqual({ failures: 1, lockedUntil: null });
  });
});
