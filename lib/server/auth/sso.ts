import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { oidcProvider } from "@/lib/auth/oidc";

/** The SSO button's label, or null when SSO is not configured. */
export function ssoLabel(): string | null {
  const provider = oidcProvider(env());
  return provider ? `Sign in with ${provider.name}` : null;
}

/** The active user an SSO e-mail belongs to; nobody else may sign in through SSO. */
export async function activeUserIdByEmail(email: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, active: true } });
  return user?.active ? user.id : null;
}
