import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DealStage, HandoffStatus, HandoffType, Role, Segment } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { DEAL_STAGE_LABELS, HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { likePattern, searchQuery } from "@/lib/search/query";
import { visibleAccountsSql } from "@/lib/server/accounts/access";
import type { ActingUser } from "@/lib/server/authz";
import { visibleDealsSql } from "@/lib/server/deals/deal-access";
import { visibleHandoffsSql } from "@/lib/server/handoffs/access";
import { canFindPeople, findsEveryUser } from "@/lib/server/search/permissions";

// The header's search: accounts, deals, contacts, people and handoffs whose name matches, each scoped on the
// server by the same visibility rules as its list (a CSM finds only their own accounts, an AE only their deals).
// Every query filters with ILIKE and orders by word similarity (`q <<-> name`), both answered by the trigram GiST
// indexes of the global_search migration, so a word that matches 50,000 names still reads only the first few. The
// distance must be the only ORDER BY key of those reads: a tie-breaker makes PostgreSQL sort every match instead.

export type SearchKind = "account" | "deal" | "contact" | "person" | "handoff";

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string;
  href: string;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  groups: SearchGroup[];
}

const GROUP_LABELS: Record<SearchKind, string> = {
  account: "Accounts",
  deal: "Deals",
  contact: "Contacts",
  person: "People",
  handoff: "Handoffs",
};

interface Match {
  q: string;
  pattern: string;
  limit: number;
}

function accountsSql(actor: ActingUser, { q, pattern, limit }: Match): Prisma.Sql {
  return Prisma.sql`
    SELECT m.* FROM (
      -- A pasted CRM id finds its account first (unique index).
      (SELECT a.id, a.name, a."externalId", a.segment::text AS segment, u.name AS "csmName", 0::real AS distance
       FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId"
       WHERE a."externalId" = ${q} AND ${visibleAccountsSql(actor)})
      UNION ALL
      (SELECT a.id, a.name, a."externalId", a.segment::text, u.name, ${q} <<-> a.name
       FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId"
       WHERE a.name ILIKE ${pattern} AND ${visibleAccountsSql(actor)}
       ORDER BY ${q} <<-> a.name
       LIMIT ${limit})
    ) m
    ORDER BY m.distance, m.name, m.id`;
}

async function searchAccounts(actor: ActingUser, match: Match): Promise<SearchHit[]> {
  const rows = await prisma.$queryRaw<{ id: string; name: string; externalId: string; segment: Segment; csmName: string | null }[]>(accountsSql(actor, match));
  return unique(rows).slice(0, match.limit).map((row) => ({
    kind: "account",
    id: row.id,
    title: row.name,
    detail: `${SEGMENT_LABELS[row.segment]} · ${row.csmName ? `CSM ${row.csmName}` : "no CSM"} · ${row.externalId}`,
    href: `/accounts/${row.id}`,
  }));
}

function dealsSql(actor: ActingUser, { q, pattern, limit }: Match): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, d.name, d.stage::text AS stage, a.name AS "accountName", o.name AS "ownerName"
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    JOIN "User" o ON o.id = d."ownerId"
    WHERE d.name ILIKE ${pattern} AND ${visibleDealsSql(actor)}
    ORDER BY ${q} <<-> d.name
    LIMIT ${limit}`;
}

async function searchDeals(actor: ActingUser, match: Match): Promise<SearchHit[]> {
  const rows = await prisma.$queryRaw<{ id: string; name: string; stage: DealStage; accountName: string; ownerName: string }[]>(dealsSql(actor, match));
  return rows.map((row) => ({
    kind: "deal",
    id: row.id,
    title: row.name,
    detail: `${row.accountName} · ${DEAL_STAGE_LABELS[row.stage]} · AE ${row.ownerName}`,
    href: `/deals/${row.id}`,
  }));
}

// Name and e-mail each have their own index: two ordered index reads, merged, instead of one sort of every match.
// E-mails are searched from three characters on: every address holds a word starting with almost any two letters
// (the domain), so a two-letter prefix would make the index read them all.
function contactsSql(actor: ActingUser, { q, pattern, limit }: Match): Prisma.Sql {
  const byName = Prisma.sql`
      (SELECT c.id, c.name, c.email, c.title, a.id AS "accountId", a.name AS "accountName", ${q} <<-> c.name AS distance
       FROM "Contact" c JOIN "Account" a ON a.id = c."accountId"
       WHERE c.name ILIKE ${pattern} AND ${visibleAccountsSql(actor)}
       ORDER BY ${q} <<-> c.name
       LIMIT ${limit})`;
  const byEmail = Prisma.sql`
      UNION ALL
      (SELECT c.id, c.name, c.email, c.title, a.id, a.name, ${q} <<-> c.email
       FROM "Contact" c JOIN "Account" a ON a.id = c."accountId"
       WHERE c.email ILIKE ${pattern} AND ${visibleAccountsSql(actor)}
       ORDER BY ${q} <<-> c.email
       LIMIT ${limit})`;
  return Prisma.sql`
    SELECT m.* FROM (${byName} ${q.length >= 3 ? byEmail : Prisma.empty}) m
    ORDER BY m.distance, m.name, m.id`;
}

async function searchContacts(actor: ActingUser, match: Match): Promise<SearchHit[]> {
  const rows = await prisma.$queryRaw<{ id: string; name: string; email: string; title: string; accountId: string; accountName: string }[]>(contactsSql(actor, match));
  return unique(rows).slice(0, match.limit).map((row) => ({
    kind: "contact",
    id: row.id,
    title: row.name,
    detail: [row.title, row.accountName, row.email].filter(Boolean).join(" · "),
    href: `/accounts/${row.accountId}`,
  }));
}

function peopleSql(actor: ActingUser, { pattern, limit }: Match): Prisma.Sql {
  const csmsOnly = !findsEveryUser(actor);
  return Prisma.sql`
    SELECT u.id, u.name, u.email, u.role::text AS role, u.active
    FROM "User" u
    WHERE (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})
      AND ${csmsOnly ? Prisma.sql`u.role = 'CSM' AND u.active AND EXISTS (SELECT 1 FROM "CsmProfile" p WHERE p."userId" = u.id)` : Prisma.sql`TRUE`}
    ORDER BY u.active DESC, u.name, u.id
    LIMIT ${limit}`;
}

async function searchPeople(actor: ActingUser, match: Match): Promise<SearchHit[]> {
  if (!canFindPeople(actor)) return [];
  const csmsOnly = !findsEveryUser(actor);
  const rows = await prisma.$queryRaw<{ id: string; name: string; email: string; role: Role; active: boolean }[]>(peopleSql(actor, match));
  return rows.map((row) => ({
    kind: "person",
    id: row.id,
    title: row.name,
    detail: `${ROLE_LABELS[row.role]} · ${row.email}${row.active ? "" : " · deactivated"}`,
    href: csmsOnly ? `/csms?${new URLSearchParams({ q: row.name })}` : `/admin/users?${new URLSearchParams({ q: row.email })}`,
  }));
}

/** Handoffs of the best-matching accounts the actor sees, open ones first. */
function handoffsSql(actor: ActingUser, { q, pattern, limit }: Match): Prisma.Sql {
  return Prisma.sql`
    WITH matched AS (
      SELECT a.id, ${q} <<-> a.name AS distance
      FROM "Account" a
      WHERE a.name ILIKE ${pattern} AND ${visibleAccountsSql(actor)}
      ORDER BY ${q} <<-> a.name
      LIMIT ${limit * 5}
    )
    SELECT h.id, h.type::text AS type, h.status::text AS status, a.name AS "accountName", d.name AS "dealName"
    FROM matched m
    JOIN "Handoff" h ON h."accountId" = m.id
    JOIN "Account" a ON a.id = h."accountId"
    LEFT JOIN "Deal" d ON d.id = h."dealId"
    WHERE ${visibleHandoffsSql(actor)}
    ORDER BY (h.status IN ('IN_PROGRESS', 'SUBMITTED')) DESC, m.distance, h."dueAt" DESC, h.id
    LIMIT ${limit}`;
}

async function searchHandoffs(actor: ActingUser, match: Match): Promise<SearchHit[]> {
  const rows = await prisma.$queryRaw<{ id: string; type: HandoffType; status: HandoffStatus; accountName: string; dealName: string | null }[]>(handoffsSql(actor, match));
  return rows.map((row) => ({
    kind: "handoff",
    id: row.id,
    title: row.dealName ?? row.accountName,
    detail: `${HANDOFF_TYPE_LABELS[row.type]} handoff · ${HANDOFF_STATUS_LABELS[row.status]} · ${row.accountName}`,
    href: `/handoffs/${row.id}`,
  }));
}

function matchOf(query: string, limit = 5): Match {
  const parsed = searchQuery.safeParse(query);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Type what to search for.";
    throw new AppError("VALIDATION", message, { q: [message] });
  }
  return { q: parsed.data, pattern: likePattern(parsed.data), limit: Math.min(Math.max(limit, 1), 50) };
}

/** The statements one search sends, by kind, for `npm run bench:search` to time and EXPLAIN. */
export function searchStatements(actor: ActingUser, query: string, limit = 5): Record<SearchKind, Prisma.Sql | null> {
  const match = matchOf(query, limit);
  return {
    account: accountsSql(actor, match),
    deal: dealsSql(actor, match),
    handoff: handoffsSql(actor, match),
    contact: contactsSql(actor, match),
    person: canFindPeople(actor) ? peopleSql(actor, match) : null,
  };
}

function unique<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
}

/**
 * Everything the actor may see whose name matches `query`, at most `limit` per kind, best match first. A query
 * that is too short or too long is refused with a message (VALIDATION), never a 500.
 */
export async function globalSearch(actor: ActingUser, query: string, options: { limit?: number } = {}): Promise<SearchResults> {
  const match = matchOf(query, options.limit);
  const q = match.q;
  const [accounts, deals, contacts, people, handoffs] = await Promise.all([
    searchAccounts(actor, match),
    searchDeals(actor, match),
    searchContacts(actor, match),
    searchPeople(actor, match),
    searchHandoffs(actor, match),
  ]);
  const groups: SearchGroup[] = [
    { kind: "account", label: GROUP_LABELS.account, hits: accounts },
    { kind: "deal", label: GROUP_LABELS.deal, hits: deals },
    { kind: "handoff", label: GROUP_LABELS.handoff, hits: handoffs },
    { kind: "contact", label: GROUP_LABELS.contact, hits: contacts },
    { kind: "person", label: GROUP_LABELS.person, hits: people },
  ];
  return { query: q, groups: groups.filter((group) => group.hits.length > 0) };
}
