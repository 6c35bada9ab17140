import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { needsTouch, sessionEnd, sessionExpiry, type SessionPolicy } from "@/lib/auth/session-policy";
import type { ActingUser } from "@/lib/server/authz";
import type { Role } from "@/lib/generated/prisma/enums";

// Server-side sessions: the cookie (a signed JWT) only names the session; this table decides whether it is
// still valid, so ending a session takes effect on the very next request. The trigger in the
// sessions_and_sign_in_throttle migration ends every session of a user whose password or active flag changes.

/** An address someone signed in from within this many days is theirs: the account back-off spares it. */
const TRUSTED_ADDRESS_DAYS = 30;

export function sessionPolicy(): SessionPolicy {
  return { maxHours: env().SESSION_MAX_HOURS, idleMinutes: env().SESSION_IDLE_MINUTES };
}

export async function startSession(userId: string, clientAddress: string | null, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await prisma.userSession.create({
    data: { id, userId, clientAddress, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiry(now, sessionPolicy()) },
    select: { id: true },
  });
  return id;
}

export async function endSession(sessionId: string, reason: string, now = new Date()): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/**
 * The user of a session that is still valid (active user, not ended, not past its absolute or idle lifetime),
 * else null. One query; lastSeenAt is refreshed at most once a minute.
 */
export async function resolveSession(sessionId: string, userId: string, now = new Date()): Promise<ActingUser | null> {
  // One statement (a nested select would be two): this runs on every signed-in request.
  const [row] = await prisma.$queryRaw<
    { expiresAt: Date; lastSeenAt: Date; endedAt: Date | null; id: string; email: string; name: string; role: Role; managerId: string | null; active: boolean }[]
  >`
    SELECT s."expiresAt", s."lastSeenAt", s."endedAt", u.id, u.email, u.name, u.role::text AS role, u."managerId", u.active
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."userId" = ${userId}`;
  if (!row || !row.active) return null;
  const end = sessionEnd(row, now, sessionPolicy());
  if (end) {
    if (end !== "ended") await endSession(sessionId, end, now);
    return null;
  }
  if (needsTouch(row, now)) {
    await prisma.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, managerId: row.managerId };
}

/** Whether this user signed in from this address recently (their own network, not a guesser's). */
export async function hasSignedInFrom(userId: string, clientAddress: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - TRUSTED_ADDRESS_DAYS * 86_400_000);
  const found = await prisma.userSession.findFirst({ where: { userId, clientAddress, createdAt: { gte: since } }, select: { id: true } });
  return found !== null;
}
