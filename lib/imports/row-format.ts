import type { ContactRole, DealStage, DealType, ArrMovementType, Priority, RenewalStage, Segment, TouchpointStatus, TouchpointType } from "@/lib/generated/prisma/enums";
import { centsToDollars, formatDate, formatDecimal, formatList } from "@/lib/imports/fields";
import {
  contactRoleCodec,
  dealStageCodec,
  dealTypeCodec,
  movementTypeCodec,
  priorityCodec,
  renewalStageCodec,
  segmentCodec,
  touchpointStatusCodec,
  touchpointTypeCodec,
  type COLUMNS,
} from "@/lib/imports/formats";

// Rows as the export writes them: the same cells the importer reads (row-schemas.ts), so export → import is a
// no-op. Each function takes the record as the export query reads it, with references as e-mails / keys.

type Record_<K extends keyof typeof COLUMNS> = Record<(typeof COLUMNS)[K][number], string>;
type Decimalish = { toString(): string };

const yesNo = (value: boolean): string => (value ? "true" : "false");

export function productRecord(p: { name: string; technical: boolean }): Record_<"products"> {
  return { name: p.name, technical: yesNo(p.technical) };
}

export interface CsmExport {
  email: string;
  name: string;
  managerEmail: string | null;
  tier: Segment;
  maxAccounts: number;
  maxArrCents: bigint;
  segments: Segment[];
  industries: string[];
  products: string[];
  certifications: string[];
  region: string;
  timezone: string;
  languages: string[];
  npsScore: Decimalish;
  retentionRate: Decimalish;
}

export function csmRecord(c: CsmExport): Record_<"csms"> {
  return {
    email: c.email,
    name: c.name,
    tier: segmentCodec.format(c.tier),
    max_accounts: String(c.maxAccounts),
    max_arr: centsToDollars(c.maxArrCents),
    segments: formatList(c.segments.map(segmentCodec.format)),
    industries: formatList(c.industries),
    products: formatList([...c.products].sort()),
    certifications: formatList([...c.certifications].sort()),
    region: c.region,
    timezone: c.timezone,
    languages: formatList(c.languages),
    nps: formatDecimal(c.npsScore),
    retention_rate: formatDecimal(c.retentionRate),
    manager_email: c.managerEmail ?? "",
  };
}

export interface AccountExport {
  externalId: string;
  name: string;
  segment: Segment;
  industry: string;
  region: string;
  timezone: string;
  primaryLanguage: string;
  strategic: boolean;
  needsOnsite: boolean;
  healthScore: number;
  usagePct: Decimalish;
  expansionPotentialCents: bigint;
  csmEmail: string | null;
}

export function accountRecord(a: AccountExport): Record_<"accounts"> {
  return {
    external_id: a.externalId,
    name: a.name,
    segment: segmentCodec.format(a.segment),
    industry: a.industry,
    region: a.region,
    timezone: a.timezone,
    primary_language: a.primaryLanguage,
    strategic: yesNo(a.strategic),
    needs_onsite: yesNo(a.needsOnsite),
    health_score: String(a.healthScore),
    usage_pct: formatDecimal(a.usagePct),
    expansion_potential: centsToDollars(a.expansionPotentialCents),
    csm_email: a.csmEmail ?? "",
  };
}

export function contactRecord(c: {
  accountExternalId: string;
  name: string;
  title: string;
  role: ContactRole;
  email: string;
  priority: Priority;
  notes: string;
}): Record_<"contacts"> {
  return {
    account_external_id: c.accountExternalId,
    name: c.name,
    title: c.title,
    role: contactRoleCodec.format(c.role),
    email: c.email,
    priority: priorityCodec.format(c.priority),
    notes: c.notes,
  };
}

export interface DealExport {
  externalId: string;
  accountExternalId: string;
  name: string;
  type: DealType;
  stage: DealStage;
  amountCents: bigint;
  termMonths: number;
  closeDate: Date;
  contractStart: Date | null;
  products: string[];
  ownerEmail: string;
  winReason: string;
  competitor: string;
  painPoints: string[];
  risks: string[];
  technicalRequirements: string[];
  integrations: string[];
  closedWonAt: Date | null;
  /** The contract terms of the deal's renewal opportunity, when it has one. */
  renewal?: { autoRenew: boolean; noticeDays: number | null; upliftPct: { toString(): string } } | null;
}

export function dealRecord(d: DealExport): Record_<"deals"> {
  return {
    external_id: d.externalId,
    account_external_id: d.accountExternalId,
    name: d.name,
    type: dealTypeCodec.format(d.type),
    stage: dealStageCodec.format(d.stage),
    amount: centsToDollars(d.amountCents),
    term_months: String(d.termMonths),
    close_date: formatDate(d.closeDate),
    contract_start: formatDate(d.contractStart),
    products: formatList([...d.products].sort()),
    owner_email: d.ownerEmail,
    win_reason: d.winReason,
    competitor: d.competitor,
    pain_points: formatList(d.painPoints),
    risks: formatList(d.risks),
    technical_requirements: formatList(d.technicalRequirements),
    integrations: formatList(d.integrations),
    closed_at: d.closedWonAt?.toISOString() ?? "",
    auto_renew: d.renewal ? (d.renewal.autoRenew ? "true" : "false") : "",
    notice_days: d.renewal?.noticeDays == null ? "" : String(d.renewal.noticeDays),
    uplift_pct: d.renewal ? formatDecimal(d.renewal.upliftPct) : "",
  };
}

export function arrMovementRecord(m: {
  accountExternalId: string;
  date: Date;
  type: ArrMovementType;
  amountCents: bigint;
  dealExternalId: string | null;
  reason: string | null;
}): Record_<"arr_movements"> {
  return {
    account_external_id: m.accountExternalId,
    date: formatDate(m.date),
    type: movementTypeCodec.format(m.type),
    amount: centsToDollars(m.amountCents),
    deal_external_id: m.dealExternalId ?? "",
    reason: m.reason ?? "",
  };
}

export function renewalRecord(r: {
  originalDealExternalId: string;
  accountExternalId: string;
  name: string;
  stage: RenewalStage;
  amountCents: bigint;
  renewalDate: Date;
  originalCloseDate: Date;
  contractTermMonths: number;
  products: string[];
  csmEmail: string | null;
  closedAmountCents: bigint | null;
  closedAt: Date | null;
}): Record_<"renewals"> {
  return {
    original_deal_external_id: r.originalDealExternalId,
    account_external_id: r.accountExternalId,
    name: r.name,
    stage: renewalStageCodec.format(r.stage),
    amount: centsToDollars(r.amountCents),
    renewal_date: formatDate(r.renewalDate),
    original_close_date: formatDate(r.originalCloseDate),
    contract_term_months: String(r.contractTermMonths),
    products: formatList([...r.products].sort()),
    csm_email: r.csmEmail ?? "",
    closed_amount: r.closedAmountCents === null ? "" : centsToDollars(r.closedAmountCents),
    closed_at: r.closedAt ? r.closedAt.toISOString() : "",
  };
}

export function touchpointRecord(t: {
  accountExternalId: string;
  dealExternalId: string | null;
  renewalDealExternalId: string | null;
  type: TouchpointType;
  dueDate: Date;
  ruleDate: Date;
  asapFlag: boolean;
  status: TouchpointStatus;
  ownerEmail: string | null;
  aeInvited: boolean;
  completedAt: Date | null;
  notes: string;
}): Record_<"touchpoints"> {
  return {
    account_external_id: t.accountExternalId,
    deal_external_id: t.dealExternalId ?? "",
    renewal_deal_external_id: t.renewalDealExternalId ?? "",
    type: touchpointTypeCodec.format(t.type),
    due_date: formatDate(t.dueDate),
    rule_date: formatDate(t.ruleDate),
    asap: yesNo(t.asapFlag),
    status: touchpointStatusCodec.format(t.status),
    owner_email: t.ownerEmail ?? "",
    ae_invited: yesNo(t.aeInvited),
    completed_at: t.completedAt ? t.completedAt.toISOString() : "",
    notes: t.notes,
  };
}
