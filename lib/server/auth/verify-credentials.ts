import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db";
import type { ThrottleRefusal } from "@/lib/auth/throttle";
import { hasSignedInFrom } from "@/lib/server/auth/sessions";
import { clearAccount, countAccountAttempt, countAddressAttempt, refundAddressAttempt, throttlePolicy } from "@/lib/server/auth/sign-in-throttle";

export type CredentialCheck =
  | { status: "ok"; user: { id: string; email: string; name: string } }
  | { status: "invalid" }
  | { status: "throttled"; refusal: ThrottleRefusal };

// Compared against when the e-mail is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = "$2b$10$AxquqwbGEozl./hBG9AwTu.2tIspDeXdTL99Hh44OM.spywXd8y7O";

/**
 * One sign-in attempt from `address`. The address and then the account are counted (lib/auth/throttle.ts)
 * before the password is compared, so however many attempts arrive at once, at most the limit are checked.
 */
export async function verifyCredentials(email: string, password: string, options: { address: string; now?: Date }): Promise<CredentialCheck> {
  const now = options.now ?? new Date();
  const policy = throttlePolicy();
  const addressRefusal = await countAddressAttempt(options.address, now, policy);
  if (addressRefusal) return { status: "throttled", refusal: addressRefusal };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true },
  });
  const ownAddress = user ? await hasSignedInFrom(user.id, options.address, now) : false;
  if (!ownAddress) {
    const accountRefusal = await countAccountAttempt(email, now, policy);
    if (accountRefusal) {
      await refundAddressAttempt(options.address, policy);
      return { status: "throttled", refusal: accountRefusal };
    }
  }

  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && user.active && user.passwordHash && matches) {
    await Promise.all([refundAddressAttempt(options.address, policy), clearAccount(email)]);
    return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
  }
  return { status: "invalid" };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
