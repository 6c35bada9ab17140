// Repeated failed sign-ins for one e-mail address lock it for a while. Pure, so the policy is testable.

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil.getTime() > now.getTime());
}

/** The state after one more failure: the failure that reaches the limit starts the lock, and the count restarts. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const previous = state && !isLockExpired(state, now) ? state.failures : 0;
  const failures = previous + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failures, lockedUntil: null };
}

function isLockExpired(state: ThrottleState, now: Date): boolean {
  return Boolean(state.lockedUntil && state.lockedUntil.getTime() <= now.getTime());
}

export function minutesUntilUnlocked(state: ThrottleState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
}
