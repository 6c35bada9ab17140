import "server-only";
import type { Tx } from "@/lib/db";

/**
 * An owner for a handoff that has no natural one yet (a Renewal handoff of an account without a CSM): the
 * active CS manager who owns the fewest open handoffs (then by name), else the account's AE. Null only when the
 * company has neither — then the database refuses the open handoff rather than leave it with nobody.
 */
export async function fallbackOwnerId(tx: Tx, accountId: string): Promise<string | null> {
  const [manager] = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "User" u
    LEFT JOIN "Handoff" h ON h."ownerId" = u.id AND h.status IN ('IN_PROGRESS', 'SUBMITTED')
    WHERE u.role = 'CS_MANAGER' AND u.active
    GROUP BY u.id, u.name
    ORDER BY COUNT(h.id), u.name, u.id
    LIMIT 1`;
  if (manager) return manager.id;
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { aeId: true, deals: { orderBy: [{ closeDate: "desc" }, { id: "asc" }], take: 1, select: { ownerId: true } } } });
  return account?.aeId ?? account?.deals[0]?.ownerId ?? null;
}
