import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

// The secret in a CSM's calendar-feed URL. A calendar app cannot sign in, so the URL itself is the key:
// 32 random bytes, unique in the database, replaced (and the old URL dead) when the CSM regenerates it.

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The CSM's token, created on first use. */
export async function ensureCalendarToken(actor: ActingUser): Promise<string> {
  assertRole(actor, ["CSM"]);
  // Only sets a token when there is none, so two first visits at once agree on one.
  await prisma.user.updateMany({ where: { id: actor.id, calendarToken: null }, data: { calendarToken: newToken() } });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { calendarToken: true } });
  return user.calendarToken ?? "";
}

export async function regenerateCalendarToken(actor: ActingUser): Promise<string> {
  assertRole(actor, ["CSM"]);
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { calendarToken: token } });
    await recordAudit(tx, { actorId: actor.id, action: "calendar.token_regenerated", entityType: "User", entityId: actor.id });
  });
  return token;
}
