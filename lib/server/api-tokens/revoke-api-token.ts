import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

export const revokeApiTokenInput = z.object({ tokenId: z.string().min(1) });

/** Revoked at once: the next request with the token is refused (401). Revoking twice changes nothing. */
export async function revokeApiToken(actor: ActingUser, input: z.infer<typeof revokeApiTokenInput>, now = new Date()): Promise<void> {
  assertRole(actor, ["ADMIN"]);
  const { tokenId } = revokeApiTokenInput.parse(input);
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, revokedAt: true, name: true } });
    if (!token) throw notFound("The token");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.revoked", entityType: "ApiToken", entityId: tokenId, data: { name: token.name } });
  });
}
