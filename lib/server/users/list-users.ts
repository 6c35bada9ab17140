import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { userSearch } from "@/lib/server/users/user-search";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export const userListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "email", "role", "createdAt"]).catch("name"),
  role: z.enum(Role).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type UserListParams = z.infer<typeof userListParams>;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  managerName: string | null;
  createdAt: Date;
}

export async function listUsers(actor: ActingUser, params: UserListParams): Promise<Paged<UserRow>> {
  assertRole(actor, ["ADMIN"]);
  const where: Prisma.UserWhereInput = {
    ...(params.role ? { role: params.role } : {}),
    ...userSearch(params.q),
  };
  const [rows, count] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, manager: { select: { name: true } } },
    }),
    prisma.user.count({ where }),
  ]);
  const data = rows.map(({ manager, ...row }) => ({ ...row, managerName: manager?.name ?? null }));
  return paged(data, count, params.page, params.perPage);
}
