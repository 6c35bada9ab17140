import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

const select = { id: true, name: true, email: true } as const;

/** Active users of a role, in a stable order. */
export async function activeUsersWithRole(tx: Tx, role: Role): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role, active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select });
}

/** The user if active, else nobody: a deactivated person is never alerted. */
export async function activeUser(tx: Tx, id: string | null | undefined): Promise<(Recipient & { managerId: string | null }) | null> {
  if (!id) return null;
  return tx.user.findFirst({ where: { id, active: true }, select: { ...select, managerId: true } });
}
