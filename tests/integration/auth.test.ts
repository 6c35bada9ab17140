import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { createUser } from "./support/fixtures";

describe("verifyCredentials", () => {
  it("accepts the right password and returns the user", async () => {
    const user = await createUser("CSM", { password: "correct horse" });
    const result = await verifyCredentials(user.email, "correct horse");
    expect(result).toEqual({ status: "ok", user: { id: user.id, email: user.email, name: user.name } });
  });

  it("refuses a wrong password and counts the failure", async () => {
    const user = await createUser("AE", { password: "correct horse" });
    expect(await verifyCredentials(user.email, "wrong")).toEqual({ status: "invalid" });
    const throttle = await prisma.signInThrottle.findUnique({ where: { email: user.email } });
    expect(throttle?.failures).toBe(1);
  });

  it("locks the address after five failures, even for the right password, and clears on success later", async () => {
    const user = await createUser("AE", { password: "correct horse" });
    const now = new Date("2026-11-20T12:00:00Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await verifyCredentials(user.email, "wrong", now)).status);
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    expect((await verifyCredentials(user.email, "correct horse", new Date("2026-11-20T12:10:00Z"))).status).toBe("locked");

    const afterLock = await verifyCredentials(user.email, "correct horse", new Date("2026-11-20T12:16:00Z"));
    expect(afterLock.status).toBe("ok");
    expect(await prisma.signInThrottle.findUnique({ where: { email: user.email } })).toBeNull();
  });

  it("throttles unknown addresses too, so guessing e-mails is slowed as well", async () => {
    for (let i = 0; i < 5; i++) await verifyCredentials("nobody@example.test", "guess");
    expect((await verifyCredentials("nobody@example.test", "guess")).status).toBe("locked");
  });

  it("refuses a deactivated user with the right password", async () => {
    const user = await createUser("CSM", { password: "correct horse", active: false });
    expect(await verifyCredentials(user.email, "correct horse")).toEqual({ status: "invalid" });
  });
});
