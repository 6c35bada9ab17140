// When a signed-in session stops being valid, pure so the rule is readable and tested on its own. A session
// has an absolute lifetime from sign-in (it never stretches, however busy the user is) and an idle lifetime
// (no request for that long ends it). Sign-out, a password change or reset, deactivation and reactivation end
// it at once (endedAt is set).

export interface SessionPolicy {
  maxHours: number;
  idleMinutes: number;
}

export interface SessionTimes {
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export type SessionEnd = "ended" | "expired" | "idle";

export function sessionExpiry(signedInAt: Date, policy: SessionPolicy): Date {
  return new Date(signedInAt.getTime() + policy.maxHours * 3_600_000);
}

/** Why the session is over at `now`, or null while it is valid. */
export function sessionEnd(session: SessionTimes, now: Date, policy: SessionPolicy): SessionEnd | null {
  if (session.endedAt) return "ended";
  if (session.expiresAt.getTime() <= now.getTime()) return "expired";
  if (session.lastSeenAt.getTime() + policy.idleMinutes * 60_000 <= now.getTime()) return "idle";
  return null;
}

/** lastSeenAt is written at most once a minute per session, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function needsTouch(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
