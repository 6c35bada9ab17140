import "server-only";
import { renewalInclude, renewalOut, visibleRenewals } from "@/lib/server/api/renewals";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { centsToDollars } from "@/lib/imports/fields";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/keyset";
import { paged, type Paged } from "@/lib/paging";
import type { ApiCursor, handoffOutput, handoffQuery, renewalOutput, renewalQuery, suggestionOutput, suggestionQuery } from "@/lib/api/schemas";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { visibleHandoffsForList } from "@/lib/server/handoffs/access";

// The API's read lists, paged in SQL and scoped by the token's role inside the query's WHERE. Each page is read by
// `page` (an OFFSET, as before) or, given `cursor` (the nextCursor of the page before), right after that page's last
// row in the list's order (sort key, then id): an index range however deep, and stable while rows come and go.

const iso = (date: Date | null) => date?.toISOString() ?? null;

interface ApiListQuery {
  page: number;
  perPage: number;
  cursor?: ApiCursor;
}

/** How a list is ordered: by `key` in `dir`, ties by id ascending; `parse` reads a cursor's key back, `text` writes it. */
interface ApiOrder<Row> {
  key: string;
  dir: "asc" | "desc";
  parse: (text: string) => Date;
  text: (row: Row) => string;
}

/** The rows to read (one more than the page, to know whether another follows) and from where. */
function apiWindow<Row>(query: ApiListQuery, order: ApiOrder<Row>) {
  const orderBy = [{ [order.key]: order.dir }, { id: "asc" as const }];
  if (!query.cursor) return { where: {}, orderBy, skip: (query.page - 1) * query.perPage, take: query.perPage + 1, page: query.page };
  const value = order.parse(query.cursor.key);
  // "At or past the key, and past it or past the id": the first half is the index range on the key.
  const [atOrPast, past] = order.dir === "asc" ? [{ gte: value }, { gt: value }] : [{ lte: value }, { lt: value }];
  const where = { AND: [{ [order.key]: atOrPast }, { OR: [{ [order.key]: past }, { id: { gt: query.cursor.id } }] }] };
  return { where, orderBy, skip: 0, take: query.perPage + 1, page: query.cursor.page };
}

/** The page of `rows` (read with apiWindow) as the API answers it, with the cursor of the page after it. */
function apiPage<Row extends { id: string }, Out>(rows: Row[], count: number, query: ApiListQuery, order: ApiOrder<Row>, page: number, out: (row: Row) => Out): ApiPaged<Out> {
  const shown = rows.slice(0, query.perPage);
  const last = shown[shown.length - 1];
  const nextCursor = rows.length > query.perPage && last ? encodeCursor([String(page + 1), order.text(last), last.id]) : null;
  return { ...paged(shown.map(out), count, page, query.perPage), nextCursor };
}

export type ApiPaged<T> = Paged<T> & { nextCursor: string | null };

const BY_STARTED: ApiOrder<{ startedAt: Date }> = { key: "startedAt", dir: "desc", parse: (text) => new Date(text), text: (row) => row.startedAt.toISOString() };
const BY_CREATED: ApiOrder<{ createdAt: Date }> = { key: "createdAt", dir: "desc", parse: (text) => new Date(text), text: (row) => row.createdAt.toISOString() };
const BY_RENEWAL_DATE: ApiOrder<{ renewalDate: Date }> = { key: "renewalDate", dir: "asc", parse: parseIsoDate, text: (row) => toIsoDate(row.renewalDate) };

export async function listHandoffsForApi(actor: ActingUser, query: z.output<typeof handoffQuery>): Promise<ApiPaged<z.input<typeof handoffOutput>>> {
  const where: Prisma.HandoffWhereInput = { AND: [await visibleHandoffsForList(actor), query.status ? { status: query.status } : {}] };
  const { where: after, page, ...window } = apiWindow(query, BY_STARTED);
  const [rows, count] = await Promise.all([
    prisma.handoff.findMany({
      where: { AND: [where, after] },
      ...window,
      include: { account: { select: { externalId: true, name: true } }, deal: { select: { externalId: true } } },
    }),
    prisma.handoff.count({ where }),
  ]);
  return apiPage(rows, count, query, BY_STARTED, page, (h) => ({
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
}

export async function listSuggestionsForApi(actor: ActingUser, query: z.output<typeof suggestionQuery>): Promise<ApiPaged<z.input<typeof suggestionOutput>>> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP"]);
  const where: Prisma.CsmAssignmentWhereInput = { status: query.status };
  const { where: after, page, ...window } = apiWindow(query, BY_CREATED);
  const [rows, count] = await Promise.all([
    prisma.csmAssignment.findMany({
      where: { AND: [where, after] },
      ...window,
      include: {
        account: { select: { externalId: true, name: true } },
        suggestedCsm: { select: { email: true } },
        chosenCsm: { select: { email: true } },
      },
    }),
    prisma.csmAssignment.count({ where }),
  ]);
  return apiPage(rows, count, query, BY_CREATED, page, (a) => ({
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
}

export async function listRenewalsForApi(actor: ActingUser, query: z.output<typeof renewalQuery>): Promise<ApiPaged<z.input<typeof renewalOutput>>> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP", "CSM"]);
  const where: Prisma.RenewalOpportunityWhereInput = {
    AND: [
      visibleRenewals(actor),
      query.stage ? { stage: query.stage } : {},
      query.dueFrom ? { renewalDate: { gte: parseIsoDate(query.dueFrom) } } : {},
      query.dueTo ? { renewalDate: { lte: parseIsoDate(query.dueTo) } } : {},
    ],
  };
  const { where: after, page, ...window } = apiWindow(query, BY_RENEWAL_DATE);
  const [rows, count] = await Promise.all([
    prisma.renewalOpportunity.findMany({ where: { AND: [where, after] }, ...window, include: renewalInclude }),
    prisma.renewalOpportunity.count({ where }),
  ]);
  return apiPage(rows, count, query, BY_RENEWAL_DATE, page, renewalOut);
}
