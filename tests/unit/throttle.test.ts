import { describe, expect, it } from "vitest";
import { backoffSeconds, minutesLeft, refusalMessage, secondsLeft } from "@/lib/auth/throttle";

const policy = { maxFailures: 5, lockMinutes: 15, backoffMaxSeconds: 60 };
const now = new Date("2026-11-20T12:00:00Z");

describe("sign-in throttle policy", () => {
  it("lets the account's first failures through without waiting, then doubles the wait up to the maximum", () => {
    expect([1, 2, 3, 4].map((failures) => backoffSeconds(failures, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50].map((failures) => backoffSeconds(failures, policy))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("rounds what is left up, so a refusal never says 0", () => {
    expect(minutesLeft(new Date("2026-11-20T12:10:30Z"), now)).toBe(11);
    expect(minutesLeft(now, now)).toBe(1);
    expect(secondsLeft(new Date("2026-11-20T12:00:01.200Z"), now)).toBe(2);
  });

  it("says which limit refused the attempt", () => {
    expect(refusalMessage({ kind: "address-locked", minutes: 15 })).toMatch(/from your network address\. It is locked for 15 minutes/);
    expect(refusalMessage({ kind: "account-slowed", seconds: 1 })).toBe("Too many failed sign-ins for this account. Wait 1 second and try again.");
  });
});
