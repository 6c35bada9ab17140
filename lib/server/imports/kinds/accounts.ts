import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountRow } from "@/lib/imports/row-schemas";
import { todayUtcDate, toIsoDate } from "@/lib/dates";
import { newId } from "@/lib/server/imports/new-id";
import { checkUser, problems, usersByEmail, type UserRef } from "@/lib/server/imports/references";
import { defineHandler, hasDuplicateKeys, type ImportContext } from "@/lib/server/imports/types";

// accounts.csv — key `external_id`. An empty csm_email keeps the account's CSM (the CRM rarely knows it);
// a given one must be an active CSM, and a change of CSM dates the assignment today.

type Users = Map<string, UserRef>;

const csmIdOf = (row: AccountRow, users: Users) => (row.csmEmail ? users.get(row.csmEmail)!.id : null);

function createData(row: AccountRow, users: Users, today: Date): Prisma.AccountCreateManyInput {
  const csmId = csmIdOf(row, users);
  return {
    externalId: row.externalId,
    name: row.name,
    segment: row.segment,
    industry: row.industry,
    region: row.region,
    timezone: row.timezone,
    primaryLanguage: row.primaryLanguage,
    strategic: row.strategic ?? false,
    needsOnsite: row.needsOnsite ?? false,
    healthScore: row.healthScore ?? 70,
    usagePct: row.usagePct ?? "0",
    expansionPotentialCents: row.expansionPotentialCents ?? 0n,
    csmId,
    csmAssignedAt: csmId ? today : null,
  };
}

async function writeAccount(tx: Tx, row: AccountRow, users: Users, context: ImportContext): Promise<void> {
  const today = todayUtcDate(context.now);
  const existing = await tx.account.findUnique({ where: { externalId: row.externalId }, select: { id: true, csmId: true } });
  if (!existing) {
    await tx.account.create({ data: createData(row, users, today), select: { id: true } });
    return;
  }
  const csmId = csmIdOf(row, users);
  await tx.account.update({
    where: { id: existing.id },
    data: {
      name: row.name,
      segment: row.segment,
      industry: row.industry,
      region: row.region,
      timezone: row.timezone,
      primaryLanguage: row.primaryLanguage,
      ...(row.strategic === null ? {} : { strategic: row.strategic }),
      ...(row.needsOnsite === null ? {} : { needsOnsite: row.needsOnsite }),
      ...(row.healthScore === null ? {} : { healthScore: row.healthScore }),
      ...(row.usagePct === null ? {} : { usagePct: row.usagePct }),
      ...(row.expansionPotentialCents === null ? {} : { expansionPotentialCents: row.expansionPotentialCents }),
      ...(csmId && csmId !== existing.csmId ? { csmId, csmAssignedAt: today } : {}),
    },
    select: { id: true },
  });
}

/** The same as writeAccount row after row, in three statements: find, insert the new, update the rest. */
async function writeAccounts(tx: Tx, rows: readonly AccountRow[], users: Users, context: ImportContext): Promise<void> {
  if (hasDuplicateKeys(rows, (row) => row.externalId)) {
    for (const row of rows) await writeAccount(tx, row, users, context);
    return;
  }
  const today = todayUtcDate(context.now);
  const stored = await tx.account.findMany({ where: { externalId: { in: rows.map((row) => row.externalId) } }, select: { externalId: true } });
  const existing = new Set(stored.map((account) => account.externalId));
  const creates = rows.filter((row) => !existing.has(row.externalId));
  const updates = rows.filter((row) => existing.has(row.externalId));
  if (creates.length > 0) await insertAccounts(tx, creates.map((row) => createData(row, users, today)));
  if (updates.length === 0) return;
  const values = updates.map((row) => ({
    external_id: row.externalId,
    name: row.name,
    segment: row.segment,
    industry: row.industry,
    region: row.region,
    timezone: row.timezone,
    primary_language: row.primaryLanguage,
    strategic: row.strategic,
    needs_onsite: row.needsOnsite,
    health_score: row.healthScore,
    usage_pct: row.usagePct,
    expansion: row.expansionPotentialCents?.toString() ?? null,
    csm_id: csmIdOf(row, users),
  }));
  // A null keeps the stored value, as in writeAccount.
  await tx.$executeRaw`
    UPDATE "Account" a SET
      "name" = v.name, "segment" = v.segment::"Segment", "industry" = v.industry, "region" = v.region,
      "timezone" = v.timezone, "primaryLanguage" = v.primary_language,
      "strategic" = COALESCE(v.strategic, a."strategic"),
      "needsOnsite" = COALESCE(v.needs_onsite, a."needsOnsite"),
      "healthScore" = COALESCE(v.health_score, a."healthScore"),
      "usagePct" = COALESCE(v.usage_pct, a."usagePct"),
      "expansionPotentialCents" = COALESCE(v.expansion, a."expansionPotentialCents"),
      "csmAssignedAt" = CASE WHEN v.csm_id IS NOT NULL AND v.csm_id IS DISTINCT FROM a."csmId" THEN ${today}::date ELSE a."csmAssignedAt" END,
      "csmId" = COALESCE(v.csm_id, a."csmId"),
      "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
      external_id text, name text, segment text, industry text, region text, timezone text, primary_language text,
      strategic boolean, needs_onsite boolean, health_score int, usage_pct numeric, expansion bigint, csm_id text)
    WHERE a."externalId" = v.external_id`;
}

/** One INSERT for the batch: Prisma's createMany spends ~0.6 ms per row building the query; SQL does not. */
async function insertAccounts(tx: Tx, data: Prisma.AccountCreateManyInput[]): Promise<void> {
  const values = data.map((row) => ({
    ...row,
    id: newId(),
    expansionPotentialCents: String(row.expansionPotentialCents),
    csmAssignedAt: row.csmAssignedAt ? toIsoDate(row.csmAssignedAt as Date) : null,
  }));
  await tx.$executeRaw`
    INSERT INTO "Account" ("id", "externalId", "name", "segment", "industry", "region", "timezone", "primaryLanguage",
      "strategic", "needsOnsite", "healthScore", "usagePct", "expansionPotentialCents", "csmId", "csmAssignedAt", "updatedAt")
    SELECT v."id", v."externalId", v."name", v."segment"::"Segment", v."industry", v."region", v."timezone", v."primaryLanguage",
      v."strategic", v."needsOnsite", v."healthScore", v."usagePct", v."expansionPotentialCents", v."csmId", v."csmAssignedAt", now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
      "id" text, "externalId" text, "name" text, "segment" text, "industry" text, "region" text, "timezone" text,
      "primaryLanguage" text, "strategic" boolean, "needsOnsite" boolean, "healthScore" int, "usagePct" numeric,
      "expansionPotentialCents" bigint, "csmId" text, "csmAssignedAt" date)`;
}

export const accountsImport = defineHandler<AccountRow, Users>({
  lookup: (tx, rows) => usersByEmail(tx, rows.map((row) => row.csmEmail)),
  check: (row, users) => problems(checkUser(users, "csm_email", row.csmEmail, ["CSM"])),
  write: writeAccount,
  writeBatch: writeAccounts,
});
