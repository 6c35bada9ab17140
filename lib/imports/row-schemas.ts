import { z } from "zod";
import {
  decimal,
  emptyAsNull,
  email,
  int,
  isoDate,
  list,
  money,
  optionalBool,
  optionalEmail,
  optionalInt,
  optionalInstant,
  optionalIsoDate,
  optionalMoney,
  requiredText,
  text,
  timeZone,
} from "@/lib/imports/fields";
import {
  contactRoleCodec,
  dealStageCodec,
  dealTypeCodec,
  movementTypeCodec,
  priorityCodec,
  segmentCodec,
  type ImportKind,
} from "@/lib/imports/formats";
import { hasNul, NUL_MESSAGE } from "@/lib/input/text";

// One zod schema per import format: CSV cells (strings, keyed by column) → a typed row. An issue's path starts
// with the column name, which is the "field" of the per-row report. Empty numeric, boolean and reference cells
// mean "not given": an update keeps the stored value, a new row gets the default. Empty text and list cells
// are written as they are (empty).

const name = requiredText(200);
const label = text(200);
const longText = text(5000);
const optionalDecimal = (min: number, max: number) => emptyAsNull(decimal(min, max));
const cell = <T extends z.ZodType<unknown, string>>(schema: T) => z.string().default("").pipe(schema);

export const productRow = z
  .object({ name: cell(name), technical: cell(optionalBool) })
  .transform((row) => ({ name: row.name, technical: row.technical }));
export type ProductRow = z.output<typeof productRow>;

export const csmRow = z
  .object({
    email: cell(email),
    name: cell(name),
    tier: cell(segmentCodec.parse),
    max_accounts: cell(optionalInt(1, 10_000)),
    max_arr: cell(optionalMoney),
    segments: cell(list.pipe(z.array(segmentCodec.parse))),
    industries: cell(list),
    products: cell(list),
    certifications: cell(list),
    region: cell(requiredText(64)),
    timezone: cell(timeZone),
    languages: cell(list),
    nps: cell(optionalDecimal(-100, 100)),
    retention_rate: cell(optionalDecimal(0, 100)),
    manager_email: cell(optionalEmail),
  })
  .transform((row) => ({
    email: row.email,
    name: row.name,
    tier: row.tier,
    maxAccounts: row.max_accounts,
    maxArrCents: row.max_arr,
    segments: row.segments,
    industries: row.industries,
    products: row.products,
    certifications: row.certifications,
    region: row.region,
    timezone: row.timezone,
    languages: row.languages,
    npsScore: row.nps,
    retentionRate: row.retention_rate,
    managerEmail: row.manager_email,
  }));
export type CsmRow = z.output<typeof csmRow>;

export const accountRow = z
  .object({
    external_id: cell(requiredText(100)),
    name: cell(name),
    segment: cell(segmentCodec.parse),
    industry: cell(requiredText(100)),
    region: cell(requiredText(64)),
    timezone: cell(timeZone),
    primary_language: cell(requiredText(64)),
    strategic: cell(optionalBool),
    needs_onsite: cell(optionalBool),
    health_score: cell(optionalInt(0, 100)),
    usage_pct: cell(optionalDecimal(0, 9999)),
    expansion_potential: cell(optionalMoney),
    csm_email: cell(optionalEmail),
  })
  .transform((row) => ({
    externalId: row.external_id,
    name: row.name,
    segment: row.segment,
    industry: row.industry,
    region: row.region,
    timezone: row.timezone,
    primaryLanguage: row.primary_language,
    strategic: row.strategic,
    needsOnsite: row.needs_onsite,
    healthScore: row.health_score,
    usagePct: row.usage_pct,
    expansionPotentialCents: row.expansion_potential,
    csmEmail: row.csm_email,
  }));
export type AccountRow = z.output<typeof accountRow>;

export const contactRow = z
  .object({
    account_external_id: cell(requiredText(100)),
    name: cell(name),
    title: cell(label),
    role: cell(contactRoleCodec.parse),
    email: cell(email),
    priority: cell(emptyAsNull(priorityCodec.parse)),
    notes: cell(longText),
  })
  .transform((row) => ({
    accountExternalId: row.account_external_id,
    name: row.name,
    title: row.title,
    role: row.role,
    email: row.email,
    priority: row.priority,
    notes: row.notes,
  }));
export type ContactRow = z.output<typeof contactRow>;

export const dealRow = z
  .object({
    external_id: cell(requiredText(100)),
    account_external_id: cell(requiredText(100)),
    name: cell(name),
    type: cell(dealTypeCodec.parse),
    stage: cell(dealStageCodec.parse),
    amount: cell(money),
    term_months: cell(int(1, 120)),
    close_date: cell(isoDate),
    contract_start: cell(optionalIsoDate),
    products: cell(list),
    owner_email: cell(email),
    win_reason: cell(longText),
    competitor: cell(label),
    pain_points: cell(list),
    risks: cell(list),
    technical_requirements: cell(list),
    integrations: cell(list),
    closed_at: cell(optionalInstant),
    auto_renew: cell(optionalBool),
    notice_days: cell(optionalInt(0, 365)),
    uplift_pct: cell(optionalDecimal(0, 100)),
  })
  .transform((row) => ({
    externalId: row.external_id,
    accountExternalId: row.account_external_id,
    name: row.name,
    type: row.type,
    stage: row.stage,
    amountCents: row.amount,
    termMonths: row.term_months,
    closeDate: row.close_date,
    contractStart: row.contract_start,
    products: row.products,
    ownerEmail: row.owner_email,
    winReason: row.win_reason,
    competitor: row.competitor,
    painPoints: row.pain_points,
    risks: row.risks,
    technicalRequirements: row.technical_requirements,
    integrations: row.integrations,
    closedAt: row.closed_at,
    renewalTerms: { autoRenew: row.auto_renew, noticeDays: row.notice_days, upliftPct: row.uplift_pct },
  }));
export type DealRow = z.output<typeof dealRow>;

export const arrMovementRow = z
  .object({
    account_external_id: cell(requiredText(100)),
    date: cell(isoDate),
    type: cell(movementTypeCodec.parse),
    amount: cell(money.refine((cents) => cents > 0n, "must be more than 0")),
    deal_external_id: cell(emptyAsNull(requiredText(100))),
    reason: cell(emptyAsNull(requiredText(60))),
  })
  .transform((row) => ({
    accountExternalId: row.account_external_id,
    date: row.date,
    type: row.type,
    amountCents: row.amount,
    dealExternalId: row.deal_external_id,
    reason: row.reason,
  }));
export type ArrMovementRow = z.output<typeof arrMovementRow>;

export const ROW_SCHEMAS = {
  products: productRow,
  csms: csmRow,
  accounts: accountRow,
  contacts: contactRow,
  deals: dealRow,
  arr_movements: arrMovementRow,
} satisfies Record<ImportKind, z.ZodType>;

export interface RowIssue {
  line: number;
  field: string;
  reason: string;
}

/** A run's stored issues (a JSON column); anything else reads as none. */
export const storedRowIssues = z.array(z.object({ line: z.number(), field: z.string(), reason: z.string() })).catch([]);

/** Parses one CSV record; on failure, one issue per failing column (its first message). */
export function parseRow<K extends ImportKind>(
  kind: K,
  record: Record<string, string>,
  line: number,
): { ok: true; row: z.output<(typeof ROW_SCHEMAS)[K]> } | { ok: false; issues: RowIssue[] } {
  const withNul = Object.keys(record).filter((field) => hasNul(record[field] ?? ""));
  if (withNul.length > 0) return { ok: false, issues: withNul.map((field) => ({ line, field, reason: NUL_MESSAGE })) };
  const parsed = ROW_SCHEMAS[kind].safeParse(record);
  if (parsed.success) return { ok: true, row: parsed.data as z.output<(typeof ROW_SCHEMAS)[K]> };
  const seen = new Set<string>();
  const issues: RowIssue[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "row");
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ line, field, reason: issue.message });
  }
  return { ok: false, issues };
}
