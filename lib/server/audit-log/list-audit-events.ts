import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { describeChanges, referencedIds, type AuditChange } from "@/lib/audit/changes";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { nameRecords, RECORD_TYPE_LABELS, settingRecord, type NamedRecord } from "@/lib/server/audit-log/record-names";

// The audit log as admins read it: newest first, filtered by record (entity type and id), actor and dates,
// paged in SQL. Filters live in the URL.

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
});

export const auditListParams = z.object({
  ...pageParams,
  dir: z.enum(["asc", "desc"]).catch("desc"),
  entityType: z.string().trim().max(64).optional().catch(undefined).transform((v) => v || undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  /** The actor's e-mail (exact), or "system" for imports, the CRM and jobs. */
  actor: z.string().trim().toLowerCase().max(200).optional().catch(undefined).transform((v) => v || undefined),
  action: z.string().trim().max(64).optional().catch(undefined).transform((v) => v || undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
});
export type AuditListParams = z.infer<typeof auditListParams>;

export interface AuditRow {
  id: string;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** "Account", "CSM assignment"…: the record type as people say it. */
  recordType: string;
  /** The record by name with a link to it; null when it no longer exists. */
  record: NamedRecord | null;
  changes: AuditChange[];
  data: unknown;
}

export async function listAuditEvents(actor: ActingUser, params: AuditListParams): Promise<Paged<AuditRow>> {
  assertRole(actor, ["ADMIN"]);
  const where: Prisma.AuditEventWhereInput = {
    ...(params.entityType ? { entityType: params.entityType } : {}),
    ...(params.entityId ? { entityId: params.entityId } : {}),
    ...(params.action ? { action: { startsWith: params.action } } : {}),
    ...(params.actor === "system" ? { actorId: null } : params.actor ? { actor: { email: params.actor } } : {}),
    ...(params.from || params.to
      ? {
          at: {
            ...(params.from ? { gte: parseIsoDate(params.from) } : {}),
            // "to" is a whole day: everything before the next midnight (UTC).
            ...(params.to ? { lt: new Date(parseIsoDate(params.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [rows, count] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: params.dir }, { id: params.dir }],
      ...pageArgs(params),
      select: { id: true, at: true, action: true, entityType: true, entityId: true, data: true, actor: { select: { name: true, email: true } } },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const records = await nameRecords(rows.flatMap((row) => [row.entityId, ...referencedIds(row.data)]));
  const names = new Map([...records].map(([recordId, named]) => [recordId, named.name]));
  const data = rows.map(({ actor: who, id, ...row }) => ({
    ...row,
    id: id.toString(),
    actorName: who?.name ?? null,
    actorEmail: who?.email ?? null,
    recordType: RECORD_TYPE_LABELS[row.entityType] ?? row.entityType,
    record: row.entityType === "Setting" ? settingRecord(row.entityId) : (records.get(row.entityId) ?? null),
    changes: describeChanges(row.data, names),
  }));
  return paged(data, count, params.page, params.perPage);
}

/** Record types the app audits, offered as suggestions in the filter (any other type can be typed). */
export const AUDITED_ENTITY_TYPES = ["ApiToken", "CsmAssignment", "CsmProfile", "Deal", "Handoff", "ImportRun", "Product", "RenewalOpportunity", "Setting", "User"];
