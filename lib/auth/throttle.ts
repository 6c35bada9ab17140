// The sign-in throttle's policy, pure so it can be read and tested on its own. Two counters guard the
// password check (lib/server/auth/sign-in-throttle.ts applies them atomically in the database):
// - the client address: after `maxFailures` failed attempts (on any accounts) the address is locked for
//   `lockMinutes`. Only that address: an attacker locks out themselves, never the account's owner;
// - the account: after `maxFailures` failures (from anywhere) each further attempt waits a back-off that
//   doubles (1 s, 2 s, 4 s …) up to `backoffMaxSeconds`, so guessing from many addresses is slowed too. An
//   address the owner has already signed in from is not slowed.

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
  backoffMaxSeconds: number;
}

export type ThrottleRefusal = { kind: "address-locked"; minutes: number } | { kind: "account-slowed"; seconds: number };

/** Seconds the account waits after its `failures`-th failure: none up to the limit, then doubling, capped. */
export function backoffSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  return Math.min(policy.backoffMaxSeconds, 2 ** Math.min(30, failures - policy.maxFailures));
}

export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export function secondsLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** What the sign-in form says when the throttle refuses an attempt. */
export function refusalMessage(refusal: ThrottleRefusal): string {
  if (refusal.kind === "address-locked") {
    return `Too many failed sign-ins from your network address. It is locked for ${refusal.minutes} minute${refusal.minutes === 1 ? "" : "s"}; try again later or ask an admin for a new password.`;
  }
  return `Too many failed sign-ins for this account. Wait ${refusal.seconds} second${refusal.seconds === 1 ? "" : "s"} and try again.`;
}
