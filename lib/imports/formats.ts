import { csvEnum } from "@/lib/imports/fields";

// The CSV files Baton reads and writes (SPEC.md "Import formats"), with their columns in order. Export writes
// the same columns, so an exported file imports back unchanged. Renewals and touchpoints are export-only:
// Baton creates them itself from closed-won deals (their columns are documented in README.md).

export const IMPORT_KINDS = ["products", "csms", "accounts", "contacts", "deals", "arr_movements"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXPORT_KINDS = ["products", "csms", "accounts", "contacts", "deals", "arr_movements", "renewals", "touchpoints"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const COLUMNS = {
  products: ["name", "technical"],
  csms: [
    "email", "name", "tier", "max_accounts", "max_arr", "segments", "industries", "products", "certifications",
    "region", "timezone", "languages", "nps", "retention_rate", "manager_email",
  ],
  accounts: [
    "external_id", "name", "segment", "industry", "region", "timezone", "primary_language", "strategic",
    "needs_onsite", "health_score", "usage_pct", "expansion_potential", "csm_email",
  ],
  contacts: ["account_external_id", "name", "title", "role", "email", "priority", "notes"],
  deals: [
    "external_id", "account_external_id", "name", "type", "stage", "amount", "term_months", "close_date",
    "contract_start", "products", "owner_email", "win_reason", "competitor", "pain_points", "risks",
    "technical_requirements", "integrations", "closed_at", "auto_renew", "notice_days", "uplift_pct",
  ],
  arr_movements: ["account_external_id", "date", "type", "amount", "deal_external_id", "reason"],
  renewals: [
    "original_deal_external_id", "account_external_id", "name", "stage", "amount", "renewal_date",
    "original_close_date", "contract_term_months", "products", "csm_email", "closed_amount", "closed_at",
  ],
  touchpoints: [
    "account_external_id", "deal_external_id", "renewal_deal_external_id", "type", "due_date", "rule_date",
    "asap", "status", "owner_email", "ae_invited", "completed_at", "notes",
  ],
} as const satisfies Record<ExportKind, readonly string[]>;

/** Columns a file may leave out (added after the format was first published); an absent column reads as empty. */
export const OPTIONAL_COLUMNS: Partial<Record<ImportKind, readonly string[]>> = {
  // When the deal closed (its handoff clock), and the contract terms of its renewal (the forecast); empty keeps what
  // Baton holds.
  deals: ["closed_at", "auto_renew", "notice_days", "uplift_pct"],
  arr_movements: ["deal_external_id", "reason"],
};

/** The columns an import file must have. */
export function requiredColumns(kind: ImportKind): readonly string[] {
  const optional = OPTIONAL_COLUMNS[kind] ?? [];
  return COLUMNS[kind].filter((column) => !optional.includes(column));
}

export const KIND_LABELS: Record<ExportKind, string> = {
  products: "Products",
  csms: "CSMs",
  accounts: "Accounts",
  contacts: "Contacts",
  deals: "Deals",
  arr_movements: "ARR movements",
  renewals: "Renewals",
  touchpoints: "Touchpoints",
};

/** What identifies a row, so a re-import updates it instead of adding a second one. */
export const KIND_KEYS: Record<ImportKind, string> = {
  products: "name",
  csms: "email",
  accounts: "external_id",
  contacts: "account_external_id + email",
  deals: "external_id",
  arr_movements: "deal_external_id + type (+ date) when the row names its deal, else account_external_id + date + type + amount (an identical row is already there)",
};

export const segmentCodec = csvEnum({ Enterprise: "ENTERPRISE", "Mid-Market": "MID_MARKET", Scale: "SCALE" } as const);
export const dealTypeCodec = csvEnum({ new: "NEW", renewal: "RENEWAL", expansion: "EXPANSION" } as const);
export const dealStageCodec = csvEnum({
  prospecting: "PROSPECTING",
  discovery: "DISCOVERY",
  proposal: "PROPOSAL",
  negotiation: "NEGOTIATION",
  closed_won: "CLOSED_WON",
  closed_lost: "CLOSED_LOST",
} as const);
export const contactRoleCodec = csvEnum({
  champion: "CHAMPION",
  economic_buyer: "ECONOMIC_BUYER",
  executive_sponsor: "EXECUTIVE_SPONSOR",
  technical_lead: "TECHNICAL_LEAD",
  user: "USER",
  other: "OTHER",
} as const);
export const priorityCodec = csvEnum({ high: "HIGH", medium: "MEDIUM", low: "LOW" } as const);
export const movementTypeCodec = csvEnum({
  new: "NEW",
  expansion: "EXPANSION",
  contraction: "CONTRACTION",
  churn: "CHURN",
  renewal: "RENEWAL",
} as const);
export const renewalStageCodec = csvEnum({
  renewal_pending: "RENEWAL_PENDING",
  planning: "PLANNING",
  negotiation: "NEGOTIATION",
  committed: "COMMITTED",
  closed_won: "CLOSED_WON",
  closed_lost: "CLOSED_LOST",
} as const);
export const touchpointTypeCodec = csvEnum({
  handoff_call: "HANDOFF_CALL",
  kickoff: "KICKOFF",
  training: "TRAINING",
  go_live: "GO_LIVE",
  check_in: "CHECK_IN",
  health_check: "HEALTH_CHECK",
  qbr: "QBR",
  renewal_planning: "RENEWAL_PLANNING",
  renewal_call: "RENEWAL_CALL",
  renewal_close: "RENEWAL_CLOSE",
} as const);
export const touchpointStatusCodec = csvEnum({ planned: "PLANNED", done: "DONE", cancelled: "CANCELLED" } as const);

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}
