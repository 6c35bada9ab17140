import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { minutesLeft, secondsLeft, type ThrottlePolicy, type ThrottleRefusal } from "@/lib/auth/throttle";

// The sign-in throttle in the database (policy: lib/auth/throttle.ts). An attempt is counted BEFORE its password
// is checked, by one UPDATE that locks the counter's row, so parallel attempts queue on that row and at most the
// limit ever reach the password check (a read, a check and a write would let them all through at once). A
// success gives its count back; a refused attempt costs nothing.

export function throttlePolicy(): ThrottlePolicy {
  return { maxFailures: env().SIGN_IN_MAX_FAILURES, lockMinutes: env().SIGN_IN_LOCK_MINUTES, backoffMaxSeconds: env().SIGN_IN_BACKOFF_MAX_SECONDS };
}

export const addressKey = (address: string) => `address:${address}`;
export const accountKey = (email: string) => `account:${email}`;

interface Counted {
  failures: number;
  lockedUntil: Date | null;
  previousLock: Date | null;
}

async function ensureRow(key: string): Promise<void> {
  await prisma.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures") VALUES (${key}, 0) ON CONFLICT ("key") DO NOTHING`;
}

/**
 * Counts one attempt from a client address. Counts older than the lock time, or from before a lock that has
 * ended, start again. The attempt that reaches the limit still goes through and starts the lock.
 */
export async function countAddressAttempt(address: string, now: Date, policy: ThrottlePolicy): Promise<ThrottleRefusal | null> {
  const key = addressKey(address);
  await ensureRow(key);
  const lockSeconds = policy.lockMinutes * 60;
  const [row] = await prisma.$queryRaw<Counted[]>`
    UPDATE "SignInThrottle" AS t SET
      "failures" = next.failures,
      "lastAttemptAt" = ${now},
      "lockedUntil" = CASE
        WHEN old."lockedUntil" > ${now} THEN old."lockedUntil"
        WHEN next.failures >= ${policy.maxFailures} THEN ${now}::timestamp + make_interval(secs => ${lockSeconds})
        ELSE NULL END
    FROM (SELECT "key", "failures", "lastAttemptAt", "lockedUntil" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE) AS old
    CROSS JOIN LATERAL (SELECT CASE
        WHEN old."lockedUntil" <= ${now} OR old."lastAttemptAt" < ${now}::timestamp - make_interval(secs => ${lockSeconds}) THEN 1
        ELSE old."failures" + 1 END AS failures) AS next
    WHERE t."key" = old."key"
    RETURNING t."failures", t."lockedUntil", old."lockedUntil" AS "previousLock"`;
  if (!row || row.failures <= policy.maxFailures) return null;
  return { kind: "address-locked", minutes: minutesLeft(row.lockedUntil ?? now, now) };
}

/**
 * Counts one attempt on an account. While its back-off runs, the attempt is refused and not counted; otherwise
 * it is counted and, past the limit, starts the next back-off (1 s, 2 s, 4 s … up to the maximum).
 */
export async function countAccountAttempt(email: string, now: Date, policy: ThrottlePolicy): Promise<ThrottleRefusal | null> {
  const key = accountKey(email);
  await ensureRow(key);
  const forgetSeconds = policy.lockMinutes * 60;
  const [row] = await prisma.$queryRaw<Counted[]>`
    UPDATE "SignInThrottle" AS t SET
      "failures" = next.failures,
      "lastAttemptAt" = CASE WHEN next.waiting THEN old."lastAttemptAt" ELSE ${now} END,
      "lockedUntil" = CASE
        WHEN next.waiting THEN old."lockedUntil"
        WHEN next.failures >= ${policy.maxFailures}
          THEN ${now}::timestamp + make_interval(secs => LEAST(${policy.backoffMaxSeconds}, power(2, LEAST(30, next.failures - ${policy.maxFailures}))))
        ELSE NULL END
    FROM (SELECT "key", "failures", "lastAttemptAt", "lockedUntil" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE) AS old
    CROSS JOIN LATERAL (SELECT old."lockedUntil" > ${now} AS waiting) AS w
    CROSS JOIN LATERAL (SELECT w.waiting, CASE
        WHEN w.waiting THEN old."failures"
        WHEN old."lastAttemptAt" < ${now}::timestamp - make_interval(secs => ${forgetSeconds}) THEN 1
        ELSE old."failures" + 1 END AS failures) AS next
    WHERE t."key" = old."key"
    RETURNING t."failures", t."lockedUntil", old."lockedUntil" AS "previousLock"`;
  if (!row?.previousLock || row.previousLock.getTime() <= now.getTime()) return null;
  return { kind: "account-slowed", seconds: secondsLeft(row.previousLock, now) };
}

/** A counted attempt that did not fail (it signed in, or was never checked): its count is given back. */
export async function refundAddressAttempt(address: string, policy: ThrottlePolicy): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0),
      "lockedUntil" = CASE WHEN "failures" - 1 < ${policy.maxFailures} THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${addressKey(address)}`;
}

/** The owner signed in: the account's failures and back-off are cleared. */
export async function clearAccount(email: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${accountKey(email)}`;
}
