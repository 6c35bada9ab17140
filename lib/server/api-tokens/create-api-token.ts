import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { newTokenSecret } from "@/lib/api/token-secret";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. \"Salesforce sync\"").max(100),
  userId: z.string().min(1, "Choose the user the token acts as"),
  role: z.enum(Role, "Choose a role"),
});

/** A token can never do more than its user: it has the user's own role, or any role when the user is an admin. */
export function tokenRoleAllowed(tokenRole: Role, userRole: Role): boolean {
  return tokenRole === userRole || userRole === "ADMIN";
}

export interface CreatedApiToken {
  id: string;
  /** Shown once; only its hash is stored. */
  secret: string;
  prefix: string;
}

export async function createApiToken(actor: ActingUser, input: z.infer<typeof createApiTokenInput>): Promise<CreatedApiToken> {
  assertRole(actor, ["ADMIN"]);
  const data = createApiTokenInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, role: true, active: true } });
    if (!user) throw notFound("The user");
    if (!user.active) throw new AppError("VALIDATION", "This user is deactivated.", { userId: ["is deactivated"] });
    if (!tokenRoleAllowed(data.role, user.role)) {
      throw new AppError("VALIDATION", "A token cannot have more rights than its user.", {
        role: [`must be the user's own role (${ROLE_LABELS[user.role]}); only an admin's token may take another role`],
      });
    }
    const { secret, prefix, hash } = newTokenSecret();
    const token = await tx.apiToken.create({
      data: { name: data.name, tokenHash: hash, prefix, role: data.role, userId: user.id, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: token.id,
      data: { name: data.name, role: data.role, userId: user.id, prefix },
    });
    return { id: token.id, secret, prefix };
  });
}
