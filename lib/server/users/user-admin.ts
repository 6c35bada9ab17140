import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { hashPassword } from "@/lib/server/auth/verify-credentials";

// Admins invite people (with a temporary password shown once), change roles and issue new temporary
// passwords. Every change is audited. Sessions and API tokens re-read the user on each request, so a role
// change applies to the very next page or call.

export const inviteUserInput = z.object({
  name: z.string().trim().min(1, "Enter the person's name").max(200),
  email: z.email("Enter a work e-mail address").transform((value) => value.trim().toLowerCase()),
  role: z.enum(Role, "Choose a role"),
  managerId: z.string().optional().transform((value) => value || undefined),
});

export const changeRoleInput = z.object({ userId: z.string().min(1), role: z.enum(Role, "Choose a role") });
export const resetPasswordInput = z.object({ userId: z.string().min(1) });

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}

export async function inviteUser(actor: ActingUser, input: z.input<typeof inviteUserInput>): Promise<{ userId: string; password: string }> {
  assertRole(actor, ["ADMIN"]);
  const data = inviteUserInput.parse(input);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (data.managerId && !(await tx.user.findUnique({ where: { id: data.managerId }, select: { id: true } }))) throw notFound("The manager");
      const user = await tx.user.create({
        data: { name: data.name, email: data.email, role: data.role, managerId: data.managerId, passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "user.invited", entityType: "User", entityId: user.id, data: { email: data.email, role: data.role } });
      return { userId: user.id, password };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ALREADY_EXISTS", "Someone with this e-mail address already has a user.", { email: ["is already taken"] });
    }
    throw error;
  }
}

export async function changeUserRole(actor: ActingUser, input: z.input<typeof changeRoleInput>): Promise<void> {
  assertRole(actor, ["ADMIN"]);
  const { userId, role } = changeRoleInput.parse(input);
  if (userId === actor.id) throw new AppError("CONFLICT", "You cannot change your own role; ask another admin.");
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw notFound("The user");
    // Choosing the role the user already has changes nothing and is not audited.
    const { count } = await tx.user.updateMany({ where: { id: userId, role: { not: role } }, data: { role } });
    if (count === 0) return;
    await recordAudit(tx, { actorId: actor.id, action: "user.role_changed", entityType: "User", entityId: userId, data: { before: user.role, after: role } });
  });
}

/** A new temporary password, shown once: for a CSM loaded by import (no password yet) or a forgotten one. */
export async function resetUserPassword(actor: ActingUser, input: z.input<typeof resetPasswordInput>): Promise<{ password: string }> {
  assertRole(actor, ["ADMIN"]);
  const { userId } = resetPasswordInput.parse(input);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("The user");
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "User", entityId: userId });
  });
  return { password };
}

/** People who can manage others, for the invite form's manager choice. */
export async function listManagers(actor: ActingUser): Promise<{ id: string; name: string }[]> {
  assertRole(actor, ["ADMIN"]);
  return prisma.user.findMany({
    where: { active: true, role: { in: ["CS_MANAGER", "LEADERSHIP", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
