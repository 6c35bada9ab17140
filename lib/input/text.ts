// NUL bytes: PostgreSQL cannot store them in text, so one that got through would fail the write with a 500.
// Every way in refuses them with a message naming the field: the proxy for addresses and filters, the API and
// webhook for bodies, path and query, the importer per cell, and server actions for forms.

export const NUL_MESSAGE = "must not contain a NUL character (\\u0000)";

export const hasNul = (value: string): boolean => value.includes("\u0000");

/** Dotted paths of every string (or object key) holding a NUL, e.g. ["deal.name", "contacts.0.email"]. */
export function nulFields(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return hasNul(value) ? [path.join(".") || "value"] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulFields(item, [...path, String(index)]));
  if (value && typeof value === "object") {
    if (value instanceof Date) return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      hasNul(key) ? [[...path, key.replace(/\u0000/g, "\\u0000")].join(".")] : nulFields(item, [...path, key]),
    );
  }
  return [];
}

/** The field errors for a value's NUL-holding fields (empty when there are none). */
export function nulFieldErrors(value: unknown, prefix?: string): Record<string, string[]> {
  return Object.fromEntries(nulFields(value, prefix ? [prefix] : []).map((field) => [field, [NUL_MESSAGE]]));
}

/** A request's path and query: `%00` anywhere in them (decoded or not). */
export function urlHasNul(url: URL): boolean {
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return /%00/i.test(url.pathname + url.search) || hasNul(decode(url.pathname)) || [...url.searchParams].some(([key, value]) => hasNul(key) || hasNul(value));
}
