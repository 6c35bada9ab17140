import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDeals } from "@/lib/server/deals/deal-access";
import { canCloseDeal } from "@/lib/server/deals/permissions";

export async function getDeal(actor: ActingUser, dealId: string) {
  const deal = await prisma.deal.findFirst({
    where: { AND: [{ id: dealId }, visibleDeals(actor)] },
    select: {
      id: true,
      name: true,
      type: true,
      stage: true,
      amountCents: true,
      termMonths: true,
      closeDate: true,
      contractStart: true,
      closedWonAt: true,
      winReason: true,
      competitor: true,
      painPoints: true,
      ownerId: true,
      owner: { select: { name: true } },
      account: { select: { id: true, name: true, segment: true, strategic: true } },
      products: { select: { product: { select: { name: true } } } },
      handoffs: { select: { id: true, type: true, status: true, dueAt: true } },
      meetings: { orderBy: { startsAt: "asc" }, select: { kind: true, startsAt: true, notes: true } },
    },
  });
  if (!deal) throw notFound("The deal");
  const open = deal.stage !== "CLOSED_WON" && deal.stage !== "CLOSED_LOST";
  return { deal, canMarkClosedWon: open && canCloseDeal(actor, deal) };
}
