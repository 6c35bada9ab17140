import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/search/query";
import { visibleAccountsSql } from "@/lib/server/accounts/access";
import type { ActingUser } from "@/lib/server/authz";
import { FILTER_PEOPLE_ROLES, filterPeopleReach, type FilterPeopleRole } from "@/lib/server/people/permissions";

// The people a list may be filtered by, looked up by what is typed (the pickers ask GET /api/people) instead of every
// CSM and AE shipped in every page: at company scale that was ~1,200 <option>s, 60% of the dashboard's HTML.

export const PEOPLE_LIMIT = 20;

export const peopleQuery = z.object({
  role: z.enum(FILTER_PEOPLE_ROLES),
  q: z.string().trim().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(PEOPLE_LIMIT).default(PEOPLE_LIMIT),
});
export type PeopleQuery = z.infer<typeof peopleQuery>;

export interface PersonOption {
  id: string;
  name: string;
  email: string;
}

/** The reach as a condition on the user aliased `u` (of `role`); null when the actor may not filter by the role. */
function reachSql(actor: ActingUser, role: FilterPeopleRole): Prisma.Sql | null {
  const reach = filterPeopleReach(actor, role);
  if (reach === null) return null;
  if (reach === "every") return Prisma.sql`TRUE`;
  const column = role === "CSM" ? Prisma.sql`a."csmId"` : Prisma.sql`a."aeId"`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Account" a WHERE ${column} = u."id" AND ${visibleAccountsSql(actor)})`;
}

/** The user aliased `u` whose name, a word of their name, or e-mail starts with the text (every one when it is empty). */
export function personMatchSql(text: string): Prisma.Sql {
  if (!text) return Prisma.sql`TRUE`;
  const prefix = `${escapeLike(text)}%`;
  return Prisma.sql`(u."name" ILIKE ${prefix} OR u."name" ILIKE ${`% ${prefix}`} OR u."email" ILIKE ${prefix})`;
}

/**
 * At most `limit` people of the role the actor may filter by whose name, a word of their name, or e-mail starts with
 * the text (every one, by name, when it is empty). Refused (FORBIDDEN) for a role the actor may not filter by.
 */
export async function searchFilterPeople(actor: ActingUser, query: PeopleQuery): Promise<PersonOption[]> {
  const reach = reachSql(actor, query.role);
  if (!reach) throw forbidden("You cannot filter by these people.");
  return prisma.$queryRaw<PersonOption[]>`
    SELECT u."id", u."name", u."email" FROM "User" u
    WHERE u."role" = ${query.role}::"Role" AND ${reach} AND ${personMatchSql(query.q)}
    ORDER BY u."name", u."id" LIMIT ${query.limit}`;
}

/** The person a list is filtered by (from the URL), for the picker's label; null if not one the actor may filter by. */
export async function findFilterPerson(actor: ActingUser, role: FilterPeopleRole, id: string): Promise<PersonOption | null> {
  const reach = reachSql(actor, role);
  if (!reach) return null;
  const [person] = await prisma.$queryRaw<PersonOption[]>`
    SELECT u."id", u."name", u."email" FROM "User" u WHERE u."id" = ${id} AND u."role" = ${role}::"Role" AND ${reach}`;
  return person ?? null;
}
