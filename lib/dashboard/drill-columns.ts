// The drill-down tables' shape, shared by the server (SQL, CSV) and the page (formatting): each column's key is
// the SQL column it reads, its kind says how to show it, `total` marks the columns summed in the totals line.

export const DRILL_TABLE_IDS = [
  "retention-accounts",
  "retention-movements",
  "bridge-movements",
  "renewals-due",
  "ttfv-accounts",
  "handoffs",
  "csm-load",
  "csm-accounts",
  "expansion-deals",
  "expansion-potential",
  "credit-movements",
] as const;
export type DrillTableId = (typeof DRILL_TABLE_IDS)[number];

/** `enum` is a database enum value (segment, stage, type) shown by its label. */
export type ColumnKind = "text" | "enum" | "cents" | "date" | "datetime" | "int" | "percent" | "bool";

export interface DrillColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  sortable?: boolean;
  /** Summed over all rows (booleans count their true values). */
  total?: boolean;
  /** The cell links to this table narrowed to the row (`focus` = the row's id). */
  linkTo?: DrillTableId;
}

/** A cell as it travels to the page and into CSV: bigints as decimal strings, dates as ISO strings. */
export type DrillCell = string | number | boolean | null;
export type DrillRow = Record<string, DrillCell> & { id: string };

/** Integer cents as a plain decimal number of dollars for CSV: "-1234.05". */
export function centsToDecimal(cents: string | bigint): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
