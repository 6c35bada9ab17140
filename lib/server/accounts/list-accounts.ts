import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Segment } from "@/lib/generated/prisma/enums";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { containsText } from "@/lib/search/query";
import { visibleAccounts } from "@/lib/server/accounts/access";
import type { ActingUser } from "@/lib/server/authz";

// Opens on the accounts that need attention: lowest health first (the largest ARR first among equals).
export const accountListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "arrCents", "healthScore", "segment"]).catch("healthScore"),
  segment: z.enum(Segment).optional().catch(undefined),
  /** "paying": accounts with ARR above zero today (the leadership home's paying customers). */
  arr: z.enum(["paying"]).optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
});
export type AccountListParams = z.infer<typeof accountListParams>;

export interface AccountRow {
  id: string;
  name: string;
  segment: Segment;
  arrCents: bigint;
  healthScore: number;
  usagePct: number;
  csmName: string | null;
  aeName: string | null;
}

/** The accounts the actor may see, paged, sorted and filtered in SQL. */
export async function listAccounts(actor: ActingUser, params: AccountListParams): Promise<Paged<AccountRow>> {
  const where: Prisma.AccountWhereInput = {
    AND: [
      visibleAccounts(actor),
      params.segment ? { segment: params.segment } : {},
      params.arr === "paying" ? { arrCents: { gt: 0 } } : {},
      params.q ? { OR: [{ name: containsText(params.q) }, { externalId: containsText(params.q) }] } : {},
    ],
  };
  const [rows, count] = await Promise.all([
    prisma.account.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { arrCents: "desc" }, { id: "asc" }],
      ...pageArgs(params),
      select: { id: true, name: true, segment: true, arrCents: true, healthScore: true, usagePct: true, csm: { select: { name: true } }, ae: { select: { name: true } } },
    }),
    prisma.account.count({ where }),
  ]);
  return paged(
    rows.map(({ csm, ae, usagePct, ...row }) => ({ ...row, usagePct: Number(usagePct), csmName: csm?.name ?? null, aeName: ae?.name ?? null })),
    count,
    params.page,
    params.perPage,
  );
}
