import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";

export type { ActingUser } from "@/lib/server/authz";

// The session only carries the user id: role and active flag are read from the database on every
// request, so a role change or a deactivation takes effect at once.
export const getActingUser = cache(async (): Promise<ActingUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, managerId: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, managerId: user.managerId };
});

export async function requireUser(): Promise<ActingUser> {
  const user = await getActingUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}
