import "server-only";
import { renewalInclude, renewalOut, visibleRenewals } from "@/lib/server/api/renewals";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { centsToDollars } from "@/lib/imports/fields";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { handoffOutput, handoffQuery, renewalOutput, renewalQuery, suggestionOutput, suggestionQuery } from "@/lib/api/schemas";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { visibleHandoffsForList } from "@/lib/server/handoffs/access";

// The API's read lists, paged in SQL and scoped by the token's role inside the query's WHERE.

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function listHandoffsForApi(actor: ActingUser, query: z.output<typeof handoffQuery>): Promise<Paged<z.input<typeof handoffOutput>>> {
  const where: Prisma.HandoffWhereInput = { AND: [await visibleHandoffsForList(actor), query.status ? { status: query.status } : {}] };
  const [rows, count] = await Promise.all([
    prisma.handoff.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      ...pageArgs(query),
      include: { account: { select: { externalId: true, name: true } }, deal: { select: { externalId: true } } },
    }),
    prisma.handoff.count({ where }),
  ]);
  const data = rows.map((h) => ({
    id: h.id,
    type: h.type,
    status: h.status,
    accountExternalId: h.account.externalId,
    accountName: h.account.name,
    dealExternalId: h.deal?.externalId ?? null,
    startedAt: h.startedAt.toISOString(),
    dueAt: h.dueAt.toISOString(),
    submittedAt: iso(h.submittedAt),
    completedAt: iso(h.completedAt),
    completedWithinSla: h.completedWithinSla,
    acknowledgedAt: iso(h.acknowledgedAt),
    rating: h.rating,
  }));
  return paged(data, count, query.page, query.perPage);
}

export async function listSuggestionsForApi(actor: ActingUser, query: z.output<typeof suggestionQuery>): Promise<Paged<z.input<typeof suggestionOutput>>> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP"]);
  const where: Prisma.CsmAssignmentWhereInput = { status: query.status };
  const [rows, count] = await Promise.all([
    prisma.csmAssignment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(query),
      include: {
        account: { select: { externalId: true, name: true } },
        suggestedCsm: { select: { email: true } },
        chosenCsm: { select: { email: true } },
      },
    }),
    prisma.csmAssignment.count({ where }),
  ]);
  const data = rows.map((a) => ({
    id: a.id,
    status: a.status,
    accountExternalId: a.account.externalId,
    accountName: a.account.name,
    handoffId: a.handoffId,
    suggestedCsmEmail: a.suggestedCsm?.email ?? null,
    suggestedScore: a.suggestedScore?.toString() ?? null,
    chosenCsmEmail: a.chosenCsm?.email ?? null,
    decidedAt: iso(a.decidedAt),
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    candidates: a.candidates,
  }));
  return paged(data, count, query.page, query.perPage);
}

export async function listRenewalsForApi(actor: ActingUser, query: z.output<typeof renewalQuery>): Promise<Paged<z.input<typeof renewalOutput>>> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP", "CSM"]);
  const where: Prisma.RenewalOpportunityWhereInput = {
    AND: [
      visibleRenewals(actor),
      query.stage ? { stage: query.stage } : {},
      query.dueFrom ? { renewalDate: { gte: parseIsoDate(query.dueFrom) } } : {},
      query.dueTo ? { renewalDate: { lte: parseIsoDate(query.dueTo) } } : {},
    ],
  };
  const [rows, count] = await Promise.all([
    prisma.renewalOpportunity.findMany({
      where,
      orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
      ...pageArgs(query),
      include: renewalInclude,
    }),
    prisma.renewalOpportunity.count({ where }),
  ]);
  const data = rows.map(renewalOut);
  return paged(data, count, query.page, query.perPage);
}
