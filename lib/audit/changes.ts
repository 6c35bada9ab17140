// An audit event's data as a person reads it: one line per field, "before → after" where the event recorded a
// change, the value alone otherwise. The shapes found in the log: `{ before, after }` (whole objects or single
// values), `{ field: { from, to } }`, a top-level `{ from, to }`, and plain facts. Ids of known records are
// replaced by their names (`names`), so "userId: ck3…" reads "User: Sam Rivera".

export interface AuditChange {
  field: string;
  /** Absent for a plain fact (nothing changed from something). */
  before?: string;
  after: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** "healthScore" → "Health score", "csmId" → "CSM", "ENTERPRISE" → "Enterprise". */
export function fieldLabel(key: string): string {
  const known: Record<string, string> = { csmId: "CSM", userId: "User", accountId: "Account", handoffId: "Handoff", dealId: "Deal", id: "Record", arrCents: "ARR (cents)", nps: "NPS" };
  if (known[key]) return known[key];
  if (/^[A-Z0-9_]+$/.test(key)) return key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, " ");
  const words = key.replace(/Id$/, "").replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function format(value: Json | undefined, names: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return names.get(value) ?? value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((entry) => format(entry, names)).join(", ");
  return Object.entries(value)
    .map(([key, entry]) => `${fieldLabel(key)}: ${format(entry, names)}`)
    .join("; ");
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Every leaf that differs between two objects, with its path ("Capacity › Enterprise › Max accounts"). */
function diff(before: JsonObject, after: JsonObject, names: ReadonlyMap<string, string>, path: string[] = []): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) return [];
    const at = [...path, fieldLabel(key)];
    if (isObject(a) && isObject(b)) return diff(a, b, names, at);
    return [{ field: at.join(" › "), before: format(a, names), after: format(b, names) }];
  });
}

function isFromTo(value: Json | undefined): value is { from: Json; to: Json } {
  return isObject(value) && "from" in value && "to" in value && Object.keys(value).length === 2;
}

export function describeChanges(data: unknown, names: ReadonlyMap<string, string> = new Map()): AuditChange[] {
  if (!isObject(data)) return data === null || data === undefined ? [] : [{ field: "Value", after: format(data as Json, names) }];
  const { before, after, from, to, ...rest } = data;
  const changes: AuditChange[] = [];
  if ("before" in data || "after" in data) {
    if (isObject(before) && isObject(after)) changes.push(...diff(before, after, names));
    else if (isObject(after) && (before === null || before === undefined)) {
      changes.push(...Object.entries(after).map(([key, value]) => ({ field: fieldLabel(key), after: format(value, names) })));
    } else changes.push({ field: "Value", before: format(before, names), after: format(after, names) });
  }
  if ("from" in data && "to" in data) changes.push({ field: "Value", before: format(from, names), after: format(to, names) });
  for (const [key, value] of Object.entries(rest)) {
    if (isFromTo(value)) {
      if (!same(value.from, value.to)) changes.push({ field: fieldLabel(key), before: format(value.from, names), after: format(value.to, names) });
    } else changes.push({ field: fieldLabel(key), after: format(value, names) });
  }
  return changes;
}

/** Every string under a key ending in "id"/"Id", at any depth: the record ids worth naming. */
export function referencedIds(data: unknown): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string" && /(^id|Id|Ids)$/.test(key)) ids.add(value);
    else if (Array.isArray(value)) value.forEach((entry) => walk(entry, key));
    else if (isObject(value)) Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(data, "");
  return [...ids];
}
