import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { PEOPLE_LIMIT, personMatchSql } from "@/lib/server/people/filter-people";

export const apiTokenListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "createdAt", "lastUsedAt"]).catch("createdAt"),
  status: z.enum(["active", "revoked"]).optional().catch(undefined),
});
export type ApiTokenListParams = z.infer<typeof apiTokenListParams>;

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  userName: string;
  userEmail: string;
  userActive: boolean;
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(actor: ActingUser, params: ApiTokenListParams): Promise<Paged<ApiTokenRow>> {
  assertRole(actor, ["ADMIN"]);
  const where = params.status === "active" ? { revokedAt: null } : params.status === "revoked" ? { revokedAt: { not: null } } : {};
  const [rows, count] = await Promise.all([
    prisma.apiToken.findMany({
      where,
      // Never-used tokens sort last either way; the other columns are never empty.
      orderBy: [params.sort === "lastUsedAt" ? { lastUsedAt: { sort: params.dir, nulls: "last" } } : { [params.sort]: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select: {
        id: true,
        name: true,
        prefix: true,
        role: true,
        createdAt: true,
        lastUsedAt: true,
        revokedAt: true,
        user: { select: { name: true, email: true, active: true } },
        createdBy: { select: { name: true } },
      },
    }),
    prisma.apiToken.count({ where }),
  ]);
  const data = rows.map(({ user, createdBy, ...row }) => ({
    ...row,
    userName: user.name,
    userEmail: user.email,
    userActive: user.active,
    createdByName: createdBy.name,
  }));
  return paged(data, count, params.page, params.perPage);
}

/** The active users a token may act as, for the create form. */
export const tokenUsersQuery = z.object({ q: z.string().trim().max(100).default("") });

/**
 * The active users a token may act as whose name, a word of it, or e-mail starts with the text, at most 20 (the form's
 * picker asks GET /api/admin/token-users): the form used to ship every active user of the company.
 */
export async function searchTokenUsers(actor: ActingUser, query: z.infer<typeof tokenUsersQuery>): Promise<{ id: string; name: string; email: string; role: Role }[]> {
  assertRole(actor, ["ADMIN"]);
  return prisma.$queryRaw`
    SELECT u."id", u."name", u."email", u."role"::text AS "role" FROM "User" u
    WHERE u."active" AND ${personMatchSql(query.q)}
    ORDER BY u."name", u."id" LIMIT ${PEOPLE_LIMIT}`;
}
