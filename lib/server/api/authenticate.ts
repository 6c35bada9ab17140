import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashTokenSecret } from "@/lib/api/token-secret";
import type { ActingUser } from "@/lib/server/authz";
import { tokenRoleAllowed } from "@/lib/server/api-tokens/create-api-token";

export interface ApiCaller {
  /** The token's user, with the token's role: every lib/server function scopes by it as for a person. */
  user: ActingUser;
  tokenId: string;
}

/** lastUsedAt is written at most this often per token, so a busy integration does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

const refused = (message: string) => new AppError("UNAUTHENTICATED", message);

/**
 * The bearer token of an API request. Read from the database on every request, so revoking the token,
 * deactivating its user or changing the user's role takes effect on the next call.
 */
export async function authenticateApiRequest(request: Request, now = new Date()): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) throw refused("Send an API token: Authorization: Bearer <token>.");
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(match[1]) },
    select: {
      id: true,
      role: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, managerId: true, active: true } },
    },
  });
  if (!token || token.revokedAt) throw refused("This API token is unknown or revoked.");
  if (!token.user.active) throw refused("This API token's user is deactivated.");
  if (!tokenRoleAllowed(token.role, token.user.role)) throw refused("This API token's role is no longer allowed for its user's role.");
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const { active: _active, ...user } = token.user;
  return { user: { ...user, role: token.role }, tokenId: token.id };
}
