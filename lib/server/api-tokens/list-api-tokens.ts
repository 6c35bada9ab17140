import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { assertRole, type ActingUser } from "@/lib/server/authz";

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
export async function listTokenUsers(actor: ActingUser): Promise<{ id: string; name: string; email: string; role: Role }[]> {
  assertRole(actor, ["ADMIN"]);
  return prisma.user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true, role: true } });
}
