import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { Prisma } from "@/lib/generated/prisma/client";
import { Segment, type HandoffStatus, type HandoffType } from "@/lib/generated/prisma/enums";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";
import { assertCanApproveAssignment } from "@/lib/server/assignments/permissions";
import { getSettings } from "@/lib/server/settings/get-settings";
import { storedScoreText } from "@/lib/assignment/score";

// The CS manager's review queue: PENDING suggestions with their account, ARR, segment, top candidate and
// the handoff's 72-hour clock. Filtered, sorted and paged in SQL; the state lives in the URL.

export const QUEUE_SORTS = ["timeLeft", "account", "arr", "segment", "candidate", "score", "waiting"] as const;

export const queueParams = z.object({
  ...pageParams,
  sort: z.enum(QUEUE_SORTS).catch("timeLeft"),
  segment: z.enum(Segment).optional().catch(undefined),
  /** "none": only suggestions where no CSM is eligible; "some": only those with a candidate. */
  eligible: z.enum(["all", "none", "some"]).catch("all"),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type QueueParams = z.infer<typeof queueParams>;

export interface QueueRow {
  id: string;
  accountId: string;
  accountName: string;
  segment: Segment;
  arrCents: bigint;
  topCsmId: string | null;
  topCsmName: string | null;
  score: string | null;
  candidateCount: number;
  handoffType: HandoffType | null;
  handoffStatus: HandoffStatus | null;
  dueAt: Date | null;
  /** Business ms until the handoff is due (negative: overdue); null without a running clock. */
  businessMsLeft: number | null;
  createdAt: Date;
}

// The ARR shown and sorted on: what the suggestion checked against the limits, else the deal's, else the account's.
const ARR = Prisma.sql`COALESCE((c.candidates->>'accountArrCents')::bigint, d."amountCents", a."arrCents")`;

const ORDER: Record<QueueParams["sort"], Prisma.Sql> = {
  timeLeft: Prisma.sql`h."dueAt"`,
  account: Prisma.sql`a.name`,
  arr: ARR,
  segment: Prisma.sql`a.segment`,
  candidate: Prisma.sql`u.name`,
  score: Prisma.sql`c."suggestedScore"`,
  waiting: Prisma.sql`c."createdAt"`,
};

const CLOCK_STOPPED: readonly HandoffStatus[] = ["COMPLETED", "ACKNOWLEDGED", "SKIPPED"];

export async function listAssignmentQueue(actor: ActingUser, params: QueueParams, now = new Date()): Promise<Paged<QueueRow>> {
  assertCanApproveAssignment(actor);
  const filters: Prisma.Sql[] = [Prisma.sql`c.status = 'PENDING'`];
  if (params.segment) filters.push(Prisma.sql`a.segment = ${params.segment}::"Segment"`);
  if (params.eligible === "none") filters.push(Prisma.sql`c."suggestedCsmId" IS NULL`);
  if (params.eligible === "some") filters.push(Prisma.sql`c."suggestedCsmId" IS NOT NULL`);
  if (params.q) filters.push(Prisma.sql`strpos(lower(a.name), lower(${params.q})) > 0`);
  const where = Prisma.join(filters, " AND ");
  const from = Prisma.sql`
    FROM "CsmAssignment" c
    JOIN "Account" a ON a.id = c."accountId"
    LEFT JOIN "Handoff" h ON h.id = c."handoffId"
    LEFT JOIN "Deal" d ON d.id = h."dealId"
    LEFT JOIN "User" u ON u.id = c."suggestedCsmId"`;
  const direction = Prisma.raw(params.dir === "desc" ? "DESC" : "ASC");

  const [settings, rows, [total]] = await Promise.all([
    getSettings(),
    prisma.$queryRaw<Omit<QueueRow, "businessMsLeft">[]>`
      SELECT c.id, a.id AS "accountId", a.name AS "accountName", a.segment::text AS segment, (${ARR})::bigint AS "arrCents",
             c."suggestedCsmId" AS "topCsmId", u.name AS "topCsmName", c."suggestedScore"::text AS score,
             COALESCE((c.candidates->>'eligible')::int, jsonb_array_length(CASE WHEN jsonb_typeof(c.candidates->'candidates') = 'array' THEN c.candidates->'candidates' END), 0)::int AS "candidateCount",
             h.type::text AS "handoffType", h.status::text AS "handoffStatus", h."dueAt", c."createdAt"
      ${from}
      WHERE ${where}
      ORDER BY ${ORDER[params.sort]} ${direction} NULLS LAST, c."createdAt" ASC, c.id ASC
      LIMIT ${pageArgs(params).take} OFFSET ${pageArgs(params).skip}`,
    prisma.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count ${from} WHERE ${where}`,
  ]);
  const data = rows.map((row) => ({
    ...row,
    score: row.score === null ? null : storedScoreText(row.score),
    arrCents: BigInt(row.arrCents),
    businessMsLeft:
      row.dueAt && row.handoffStatus && !CLOCK_STOPPED.includes(row.handoffStatus) ? businessMsBetween(now, row.dueAt, settings.calendar) : null,
  }));
  return paged(data, total?.count ?? 0, params.page, params.perPage);
}
