import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { assertExpansionActor, readFlowHandoff } from "@/lib/server/handoffs/flows/flow-steps";
import { PEOPLE_LIMIT, personMatchSql, type PersonOption } from "@/lib/server/people/filter-people";

// Who may lead an Expansion coordination, or own the expansion deal it creates, looked up by what is typed
// (GET /api/handoffs/{id}/people) instead of every active AE and CSM shipped in the handoff page: at company scale
// that was two lists of 1,200 names, 12,000 at ten times. The same people the steps accept (flow-steps.ts).

const ROLES_FOR = { owner: ["AE"], lead: ["AE", "CSM"] } as const;

export const flowPeopleQuery = z.object({
  for: z.enum(["owner", "lead"]),
  q: z.string().trim().max(100).default(""),
});
export type FlowPeopleQuery = z.infer<typeof flowPeopleQuery>;

export interface FlowPerson extends PersonOption {
  role: "AE" | "CSM";
}

/** At most 20 active people who can fill the step, for someone who may record it on this open handoff. */
export async function searchFlowPeople(actor: ActingUser, handoffId: string, query: FlowPeopleQuery): Promise<FlowPerson[]> {
  assertExpansionActor(actor, await readFlowHandoff(prisma, actor, handoffId, "EXPANSION"));
  const roles = ROLES_FOR[query.for].map((role) => Prisma.sql`${role}::"Role"`);
  return prisma.$queryRaw<FlowPerson[]>`
    SELECT u."id", u."name", u."email", u."role"::text AS "role" FROM "User" u
    WHERE u."active" AND u."role" IN (${Prisma.join(roles)}) AND ${personMatchSql(query.q)}
    ORDER BY u."name", u."id" LIMIT ${PEOPLE_LIMIT}`;
}
