import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { FieldProblem } from "@/lib/server/imports/types";

// Bulk look-ups of what import rows refer to (one query per batch, not per row), and the checks that turn a
// missing reference into the per-row report's field and reason.

export interface UserRef {
  id: string;
  role: Role;
  active: boolean;
}

const unique = (values: Iterable<string | null | undefined>): string[] => [...new Set([...values].filter((v): v is string => Boolean(v)))];

export async function usersByEmail(tx: Tx, emails: Iterable<string | null | undefined>): Promise<Map<string, UserRef>> {
  const list = unique(emails);
  if (list.length === 0) return new Map();
  const rows = await tx.user.findMany({ where: { email: { in: list } }, select: { id: true, email: true, role: true, active: true } });
  return new Map(rows.map((row) => [row.email, { id: row.id, role: row.role, active: row.active }]));
}

export async function productsByName(tx: Tx, names: Iterable<string>): Promise<Map<string, string>> {
  const list = unique(names);
  if (list.length === 0) return new Map();
  const rows = await tx.product.findMany({ where: { name: { in: list } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.name, row.id]));
}

export interface AccountRef {
  id: string;
  aeId: string | null;
}

export async function accountsByExternalId(tx: Tx, ids: Iterable<string>): Promise<Map<string, AccountRef>> {
  const list = unique(ids);
  if (list.length === 0) return new Map();
  const rows = await tx.account.findMany({ where: { externalId: { in: list } }, select: { id: true, externalId: true, aeId: true } });
  return new Map(rows.map((row) => [row.externalId, { id: row.id, aeId: row.aeId }]));
}

/** A reference to a user who must exist, be active and (when given) have one of the roles. */
export function checkUser(
  users: Map<string, UserRef>,
  field: string,
  email: string | null,
  roles?: readonly Role[],
): FieldProblem | null {
  if (!email) return null;
  const user = users.get(email);
  if (!user) return { field, reason: `no user with the e-mail ${email}` };
  if (!user.active) return { field, reason: `${email} is deactivated` };
  if (roles && !roles.includes(user.role)) {
    return { field, reason: `${email} is a ${ROLE_LABELS[user.role]}, not a ${roles.map((role) => ROLE_LABELS[role]).join(" or ")}` };
  }
  return null;
}

export function checkProducts(products: Map<string, string>, field: string, names: readonly string[]): FieldProblem | null {
  const missing = names.filter((name) => !products.has(name));
  if (missing.length === 0) return null;
  return { field, reason: `unknown product${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` };
}

export function checkAccount(accounts: Map<string, AccountRef>, field: string, externalId: string): FieldProblem | null {
  return accounts.has(externalId) ? null : { field, reason: `no account with the external id ${externalId}` };
}

export function problems(...found: (FieldProblem | null)[]): FieldProblem[] {
  return found.filter((problem): problem is FieldProblem => problem !== null);
}

/** Makes the rows of a join table exactly `wanted`, touching only what differs (so re-imports change nothing). */
export function diffIds(current: readonly string[], wanted: readonly string[]): { add: string[]; remove: string[] } {
  const have = new Set(current);
  const want = new Set(wanted);
  return { add: [...want].filter((id) => !have.has(id)), remove: [...have].filter((id) => !want.has(id)) };
}
