import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

export const setUserActiveInput = z.object({ userId: z.string().min(1), active: z.boolean() });

/** Admins activate or deactivate users; a deactivated user's session stops working on its next request. */
export async function setUserActive(actor: ActingUser, input: z.infer<typeof setUserActiveInput>): Promise<void> {
  assertRole(actor, ["ADMIN"]);
  const { userId, active } = setUserActiveInput.parse(input);
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, active: true } });
    if (!user) throw notFound("The user");
    if (user.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.activated" : "user.deactivated",
      entityType: "User",
      entityId: userId,
    });
  });
}
