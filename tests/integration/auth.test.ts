import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials, type CredentialCheck } from "@/lib/server/auth/verify-credentials";
import { endSession, resolveSession, startSession } from "@/lib/server/auth/sessions";
import { resetUserPassword } from "@/lib/server/users/user-admin";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { createUser } from "./support/fixtures";

const ATTACKER = "203.0.113.9";
const OWNER = "198.51.100.7";

const checked = (results: CredentialCheck[]) => results.filter((result) => result.status === "ok" || result.status === "invalid").length;

describe("verifyCredentials", () => {
  it("accepts the right password and returns the user", async () => {
    const user = await createUser("CSM", { password: "correct horse" });
    const result = await verifyCredentials(user.email, "correct horse", { address: OWNER });
    expect(result).toEqual({ status: "ok", user: { id: user.id, email: user.email, name: user.name } });
  });

  it("refuses a wrong password and counts it against the address and the account", async () => {
    const user = await createUser("AE", { password: "correct horse" });
    expect(await verifyCredentials(user.email, "wrong", { address: ATTACKER })).toEqual({ status: "invalid" });
    expect(await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `address:${ATTACKER}` } })).toMatchObject({ failures: 1, lockedUntil: null });
    expect(await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("refuses a deactivated user with the right password", async () => {
    const user = await createUser("CSM", { password: "correct horse", active: false });
    expect(await verifyCredentials(user.email, "correct horse", { address: OWNER })).toEqual({ status: "invalid" });
  });
});

describe("sign-in throttle under parallel attempts", () => {
  it("checks at most the limit of 100 parallel wrong guesses and locks the guessing address", async () => {
    const user = await createUser("ADMIN", { password: "correct horse" });
    const results = await Promise.all(Array.from({ length: 100 }, () => verifyCredentials(user.email, "guess", { address: ATTACKER })));
    expect(results).toHaveLength(100);
    expect(checked(results)).toBe(5);
    expect(results.filter((result) => result.status === "throttled")).toHaveLength(95);
    const again = await verifyCredentials(user.email, "correct horse", { address: ATTACKER });
    expect(again).toMatchObject({ status: "throttled", refusal: { kind: "address-locked", minutes: 15 } });
  });

  it("40 parallel attempts with the right password 30th: at most the limit are checked and none signs in", async () => {
    const user = await createUser("AE", { password: "correct horse" });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => verifyCredentials(user.email, index === 29 ? "correct horse" : `guess ${index}`, { address: ATTACKER })),
    );
    expect(results).toHaveLength(40);
    expect(checked(results)).toBeLessThanOrEqual(5);
    expect(results[29]).toMatchObject({ status: "throttled" });
    expect(results.filter((result) => result.status === "ok")).toHaveLength(0);
  });

  it("the attacker cannot lock the owner out: the owner's own address signs in at once, a new one after the back-off", async () => {
    const owner = await createUser("ADMIN", { password: "correct horse" });
    const now = new Date("2026-11-20T12:00:00Z");
    await startSession(owner.id, OWNER, new Date("2026-11-19T09:00:00Z"));
    await Promise.all(Array.from({ length: 100 }, () => verifyCredentials(owner.email, "guess", { address: ATTACKER, now })));

    // From the address the owner signed in from before: neither the attacker's lock nor the back-off applies.
    expect(await verifyCredentials(owner.email, "correct horse", { address: OWNER, now })).toMatchObject({ status: "ok" });

    // Guessing on from other addresses grows the account's back-off (1 s, 2 s, 4 s …), never past the maximum…
    const spread = new Date("2026-11-20T12:01:00Z");
    const at = (i: number) => new Date(spread.getTime() + i * 70_000);
    for (let i = 0; i < 6; i++) expect(await verifyCredentials(owner.email, "guess", { address: `192.0.2.${i}`, now: at(i) })).toEqual({ status: "invalid" });
    const slowed = await verifyCredentials(owner.email, "correct horse", { address: "192.0.2.200", now: new Date(at(5).getTime() + 1000) });
    expect(slowed).toEqual({ status: "throttled", refusal: { kind: "account-slowed", seconds: 1 } });
    // …and once it has passed, the owner on a new address gets in, and the back-off is cleared.
    const later = new Date(at(5).getTime() + 61_000);
    expect(await verifyCredentials(owner.email, "correct horse", { address: "192.0.2.200", now: later })).toMatchObject({ status: "ok" });
    expect(await prisma.signInThrottle.findUnique({ where: { key: `account:${owner.email}` } })).toBeNull();
    // The guessing address stays locked.
    expect(await verifyCredentials(owner.email, "correct horse", { address: ATTACKER, now: later })).toMatchObject({ status: "throttled", refusal: { kind: "address-locked" } });
  });

  it("a success gives back only its own count, so a valid account cannot reset the address's failures", async () => {
    const mine = await createUser("AE", { password: "my password" });
    const victim = await createUser("AE", { password: "victim password" });
    for (let i = 0; i < 4; i++) await verifyCredentials(victim.email, `guess ${i}`, { address: ATTACKER });
    expect(await verifyCredentials(mine.email, "my password", { address: ATTACKER })).toMatchObject({ status: "ok" });
    expect(await verifyCredentials(`other-${victim.email}`, "guess", { address: ATTACKER })).toEqual({ status: "invalid" });
    expect(await verifyCredentials(victim.email, "victim password", { address: ATTACKER })).toMatchObject({ status: "throttled", refusal: { kind: "address-locked" } });
  });

  it("unlocks an address when its lock is over", async () => {
    const user = await createUser("AE", { password: "correct horse" });
    const start = new Date("2026-11-20T12:00:00Z");
    for (let i = 0; i < 5; i++) await verifyCredentials(`nobody-${i}@example.test`, "guess", { address: ATTACKER, now: start });
    expect(await verifyCredentials(user.email, "correct horse", { address: ATTACKER, now: new Date("2026-11-20T12:10:00Z") })).toMatchObject({ status: "throttled" });
    expect(await verifyCredentials(user.email, "correct horse", { address: ATTACKER, now: new Date("2026-11-20T12:16:00Z") })).toMatchObject({ status: "ok" });
  });
});

describe("server-side sessions", () => {
  it("a session is valid until it is signed out", async () => {
    const user = await createUser("CSM", { password: "pw" });
    const sid = await startSession(user.id, OWNER);
    expect(await resolveSession(sid, user.id)).toMatchObject({ id: user.id, role: "CSM" });
    await endSession(sid, "signed out");
    expect(await resolveSession(sid, user.id)).toBeNull();
    expect(await resolveSession(sid, (await createUser("ADMIN")).id)).toBeNull();
  });

  it("a password reset, a deactivation and a reactivation each end every existing session at once", async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("AE", { password: "pw" });
    const first = await startSession(user.id, OWNER);
    const second = await startSession(user.id, "192.0.2.1");
    await resetUserPassword(admin, { userId: user.id });
    expect(await resolveSession(first, user.id)).toBeNull();
    expect(await resolveSession(second, user.id)).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ endReason: "password changed" });

    const beforeDeactivation = await startSession(user.id, OWNER);
    await setUserActive(admin, { userId: user.id, active: false });
    const duringDeactivation = await startSession(user.id, OWNER);
    await setUserActive(admin, { userId: user.id, active: true });
    expect(await resolveSession(beforeDeactivation, user.id)).toBeNull();
    expect(await resolveSession(duringDeactivation, user.id)).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: duringDeactivation } })).toMatchObject({ endReason: "reactivated" });
    expect(await resolveSession(await startSession(user.id, OWNER), user.id)).toMatchObject({ id: user.id });
  });

  it("ends after the idle time without requests and after the absolute lifetime however busy", async () => {
    const user = await createUser("CSM");
    const signedIn = new Date("2026-11-20T08:00:00Z");
    const idle = await startSession(user.id, OWNER, signedIn);
    expect(await resolveSession(idle, user.id, new Date("2026-11-20T08:59:00Z"))).not.toBeNull();
    expect(await resolveSession(idle, user.id, new Date("2026-11-20T09:59:30Z"))).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: idle } })).toMatchObject({ endReason: "idle" });

    const busy = await startSession(user.id, OWNER, signedIn);
    for (let minute = 30; minute < 12 * 60; minute += 30) {
      expect(await resolveSession(busy, user.id, new Date(signedIn.getTime() + minute * 60_000))).not.toBeNull();
    }
    expect(await resolveSession(busy, user.id, new Date("2026-11-20T20:00:00Z"))).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: busy } })).toMatchObject({ endReason: "expired" });
  });
});
