import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { resolveSession } from "@/lib/server/auth/sessions";
import type { ActingUser } from "@/lib/server/authz";

export type { ActingUser } from "@/lib/server/authz";

// The cookie only names a server-side session: whether it still holds (not signed out, not idle, not past its
// lifetime, user active) and the user's role are read from the database on every request, so a role change,
// a deactivation or a sign-out takes effect at once.
export const getActingUser = cache(async (): Promise<ActingUser | null> => {
  const jar = await cookies();
  const claims = await sessionClaims((name) => jar.get(name)?.value, env().AUTH_SECRET);
  if (!claims) return null;
  return resolveSession(claims.sessionId, claims.userId);
});

export async function requireUser(): Promise<ActingUser> {
  const user = await getActingUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}
