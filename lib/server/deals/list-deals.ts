import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { DealStage } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageParams, paged, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDeals } from "@/lib/server/deals/deal-access";

export const dealListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "closeDate", "amountCents", "stage"]).catch("closeDate"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  stage: z.enum(DealStage).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type DealListParams = z.infer<typeof dealListParams>;

export interface DealRow {
  id: string;
  name: string;
  accountName: string;
  stage: DealStage;
  amountCents: bigint;
  closeDate: Date;
  ownerName: string;
  handoffId: string | null;
}

export async function listDeals(actor: ActingUser, params: DealListParams): Promise<Paged<DealRow>> {
  const where: Prisma.DealWhereInput = {
    AND: [
      visibleDeals(actor),
      params.stage ? { stage: params.stage } : {},
      params.q ? { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { account: { name: { contains: params.q, mode: "insensitive" } } }] } : {},
    ],
  };
  const [rows, count] = await Promise.all([
    prisma.deal.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: {
        id: true,
        name: true,
        stage: true,
        amountCents: true,
        closeDate: true,
        account: { select: { name: true } },
        owner: { select: { name: true } },
        handoffs: { where: { type: { in: ["NEW_CUSTOMER", "EXPANSION"] } }, take: 1, select: { id: true } },
      },
    }),
    prisma.deal.count({ where }),
  ]);
  return paged(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      accountName: row.account.name,
      stage: row.stage,
      amountCents: row.amountCents,
      closeDate: row.closeDate,
      ownerName: row.owner.name,
      handoffId: row.handoffs[0]?.id ?? null,
    })),
    count,
    params.page,
    params.perPage,
  );
}
