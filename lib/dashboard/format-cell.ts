import { formatCents, formatDate, formatDateTime, formatPercent } from "@/lib/format";
import type { ColumnKind, DrillCell } from "@/lib/dashboard/drill-columns";
import { SEGMENT_LABELS } from "@/lib/labels";

/** MID_MARKET → "Mid-Market" (known labels), RENEWAL_PENDING → "Renewal pending". */
export function enumLabel(value: string): string {
  const known: Record<string, string> = SEGMENT_LABELS;
  return known[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
}

// How a drill-down cell reads on the page. Money keeps its cents, so rows can be added up by eye to the total.

export function formatCell(kind: ColumnKind, value: DrillCell, timezone = "UTC"): string {
  if (value === null || value === "") return "—";
  switch (kind) {
    case "cents":
      return formatCents(String(value));
    case "date":
      return formatDate(new Date(String(value)));
    case "datetime":
      return formatDateTime(new Date(String(value)), timezone);
    case "percent":
      return formatPercent(Number(value));
    case "bool":
      return value === true || value === "true" ? "Yes" : "No";
    case "int":
      return String(value);
    case "enum":
      return enumLabel(String(value));
    case "text":
      return String(value);
  }
}
