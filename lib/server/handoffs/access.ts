import "server-only";
import { cache } from "react";
import { prisma, type Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HandoffType } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDealsSql } from "@/lib/server/deals/deal-access";
import { canEditHandoff } from "@/lib/server/handoffs/permissions";

/**
 * Which handoffs a person may see, as a `where` so it cannot be forgotten: an AE their own deals',
 * a CSM those of accounts assigned to them; CS managers, leadership and admins all of them.
 */
export function visibleHandoffs(actor: ActingUser): Prisma.HandoffWhereInput {
  switch (actor.role) {
    case "AE":
      // Their deals' handoffs, the Renewal handoffs of what they sold (renewal planning is the CSM's with the
      // AE), and the Expansion coordination of accounts they sell to or lead.
      return {
        OR: [
          { deal: { ownerId: actor.id } },
          { renewalOpportunity: { originalDeal: { ownerId: actor.id } } },
          { type: "EXPANSION", dealId: null, OR: [{ ownerId: actor.id }, { account: { OR: [{ aeId: actor.id }, { deals: { some: { ownerId: actor.id } } }] } }] },
        ],
      };
    case "CSM":
      return { account: { csmId: actor.id } };
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return {};
  }
}

/**
 * The same rule for raw SQL, on the handoff aliased `h`, LEFT JOINed to its deal `d` and joined to its account `a`
 * (tested to agree with visibleHandoffs).
 */
export function visibleHandoffsSql(actor: ActingUser): Prisma.Sql {
  if (actor.role !== "AE") return visibleDealsSql(actor);
  // An AE's are more than their deals' (visibleHandoffs): the Renewal handoffs of what they sold and the Expansion
  // coordination of accounts they lead, are the AE of, or sold to.
  return Prisma.sql`(
    d."ownerId" = ${actor.id}
    OR EXISTS (SELECT 1 FROM "RenewalOpportunity" r JOIN "Deal" od ON od.id = r."originalDealId" WHERE r.id = h."renewalOpportunityId" AND od."ownerId" = ${actor.id})
    OR (h.type = 'EXPANSION' AND h."dealId" IS NULL
        AND (h."ownerId" = ${actor.id} OR a."aeId" = ${actor.id} OR EXISTS (SELECT 1 FROM "Deal" sd WHERE sd."accountId" = h."accountId" AND sd."ownerId" = ${actor.id}))))`;
}

/**
 * The handoffs an AE sees (visibleHandoffs' rule, tested to agree), as a query of their ids: one index lookup per
 * branch of the rule. Prisma writes the rule as one OR over four LEFT JOINs, which PostgreSQL answers by joining
 * every handoff (≈ 0.5 s per count at company scale); this is ≈ 10 ms. The renewals are found by their original
 * deal's id as an array: joined to the AE's deals, the planner misjudges the ~1,000 unique-index probes and
 * hash-joins every renewal instead (a parallel scan, 35–45 ms).
 */
export function aeVisibleHandoffIdsSql(aeId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT h.id FROM "Handoff" h WHERE h."dealId" = ANY(ARRAY(SELECT d.id FROM "Deal" d WHERE d."ownerId" = ${aeId}))
    UNION
    SELECT h.id FROM "Handoff" h JOIN "RenewalOpportunity" r ON r.id = h."renewalOpportunityId"
    WHERE r."originalDealId" = ANY(ARRAY(SELECT d.id FROM "Deal" d WHERE d."ownerId" = ${aeId}))
    UNION
    SELECT h.id FROM "Handoff" h
    WHERE h.type = 'EXPANSION' AND h."dealId" IS NULL
      AND (h."ownerId" = ${aeId} OR h."accountId" IN (SELECT a.id FROM "Account" a WHERE a."aeId" = ${aeId} UNION SELECT d."accountId" FROM "Deal" d WHERE d."ownerId" = ${aeId}))`;
}

/** aeVisibleHandoffIdsSql's ids, for a Prisma `where` (an AE sees hundreds: a fine IN list for one query). */
export async function aeVisibleHandoffIds(aeId: string, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(aeVisibleHandoffIdsSql(aeId));
  return rows.map((row) => row.id);
}

/** visibleHandoffs for a list: the same rule, an AE's as ids (aeVisibleHandoffIds). */
export async function visibleHandoffsForList(actor: ActingUser): Promise<Prisma.HandoffWhereInput> {
  return actor.role === "AE" ? { id: { in: await aeVisibleHandoffIds(actor.id) } } : visibleHandoffs(actor);
}

export interface HandoffAccess {
  id: string;
  type: HandoffType;
  status: "IN_PROGRESS" | "SUBMITTED" | "COMPLETED" | "ACKNOWLEDGED" | "SKIPPED";
  version: number;
  accountId: string;
  dealId: string | null;
  ownerId: string | null;
  csmId: string | null;
}

/** Loads a handoff the actor may see; one they may not see is "not found", so its existence does not leak. */
export async function findVisibleHandoff(actor: ActingUser, handoffId: string, tx: Tx = prisma): Promise<HandoffAccess> {
  const handoff = await tx.handoff.findFirst({
    where: { AND: [{ id: handoffId }, visibleHandoffs(actor)] },
    select: {
      id: true,
      type: true,
      status: true,
      version: true,
      accountId: true,
      dealId: true,
      deal: { select: { ownerId: true } },
      account: { select: { csmId: true } },
    },
  });
  if (!handoff) throw notFound("The handoff");
  return {
    id: handoff.id,
    type: handoff.type,
    status: handoff.status,
    version: handoff.version,
    accountId: handoff.accountId,
    dealId: handoff.dealId,
    ownerId: handoff.deal?.ownerId ?? null,
    csmId: handoff.account.csmId,
  };
}

/** findVisibleHandoff outside a transaction, once per page render: the page's several reads share the check. */
export const visibleHandoffOnce = cache((actor: ActingUser, handoffId: string) => findVisibleHandoff(actor, handoffId));

export function assertOwningAe(actor: ActingUser, handoff: HandoffAccess): void {
  if (!canEditHandoff(actor, handoff)) throw forbidden("Only the deal's account executive can change this handoff.");
}
