import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { afterFailure, isLocked } from "@/lib/auth/throttle";

export type CredentialCheck =
  | { status: "ok"; user: { id: string; email: string; name: string } }
  | { status: "invalid" }
  | { status: "locked" };

// Compared against when the e-mail is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = "$2b$10$AxquqwbGEozl./hBG9AwTu.2tIspDeXdTL99Hh44OM.spywXd8y7O";

export async function verifyCredentials(email: string, password: string, now = new Date()): Promise<CredentialCheck> {
  const throttle = await prisma.signInThrottle.findUnique({ where: { email } });
  if (isLocked(throttle, now)) return { status: "locked" };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);

  if (user && user.active && user.passwordHash && matches) {
    if (throttle) await prisma.signInThrottle.delete({ where: { email } });
    return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
  }

  const next = afterFailure(throttle, now, {
    maxFailures: env().SIGN_IN_MAX_FAILURES,
    lockMinutes: env().SIGN_IN_LOCK_MINUTES,
  });
  await prisma.signInThrottle.upsert({
    where: { email },
    create: { email, failures: next.failures, lockedUntil: next.lockedUntil, lastFailedAt: now },
    update: { failures: next.failures, lockedUntil: next.lockedUntil, lastFailedAt: now },
  });
  return next.lockedUntil ? { status: "locked" } : { status: "invalid" };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
