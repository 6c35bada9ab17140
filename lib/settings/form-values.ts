import { centsToDollars, dollarsToCents } from "@/lib/imports/fields";
import { fieldLabel } from "@/lib/settings/labels";

// The rule settings as form fields and back. The shape comes from the group's current value, so a setting
// added to the schema appears on the page without touching the form. Money is edited in dollars and stored in
// cents (fields named …Cents); lists are edited as text.

export type FieldKind = "number" | "cents" | "boolean" | "text" | "numberList" | "textList";

export interface SettingField {
  /** Full dotted path, e.g. `capacity.ENTERPRISE.maxAccounts`: the input's name and the key of its errors. */
  path: string;
  label: string;
  kind: FieldKind;
  text: string;
  checked: boolean;
}

function kindOf(name: string, value: unknown): FieldKind {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return name.endsWith("Cents") ? "cents" : "number";
  if (Array.isArray(value)) return value.every((item) => typeof item === "number") && value.length > 0 ? "numberList" : "textList";
  return "text";
}

function textOf(kind: FieldKind, value: unknown): string {
  switch (kind) {
    case "cents":
      return centsToDollars(BigInt(value as number));
    case "numberList":
      return (value as number[]).join(", ");
    case "textList":
      return (value as string[]).join("\n");
    case "boolean":
      return "";
    default:
      return String(value);
  }
}

export function settingFields(key: string, value: unknown, prefix = key): SettingField[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([name, child]) => settingFields(key, child, `${prefix}.${name}`));
  }
  const name = prefix.split(".").pop() ?? prefix;
  const kind = kindOf(name, value);
  return [{ path: prefix, label: fieldLabel(prefix), kind, text: textOf(kind, value), checked: value === true }];
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

function readField(field: SettingField, raw: string | boolean | undefined): { value: unknown } | { error: string } {
  const text = typeof raw === "string" ? raw.trim() : "";
  switch (field.kind) {
    case "boolean":
      return { value: raw === true || raw === "on" || raw === "true" };
    case "cents": {
      const dollars = text.replaceAll(",", "");
      return MONEY.test(dollars) ? { value: Number(dollarsToCents(dollars)) } : { error: "must be dollars with up to 2 decimals" };
    }
    case "number": {
      if (text === "") return { error: "is required" };
      const number = Number(text);
      return Number.isFinite(number) ? { value: number } : { error: "must be a number" };
    }
    case "numberList": {
      const items = text.split(/[\s,;]+/).filter(Boolean).map(Number);
      return items.some((item) => !Number.isFinite(item)) ? { error: "must be numbers separated by commas" } : { value: items };
    }
    case "textList":
      return { value: text.split(/[\n,;]+/).map((item) => item.trim()).filter(Boolean) };
    default:
      return { value: text };
  }
}

/** The group's value from the submitted fields (shape from `current`), or the fields that could not be read. */
export function readSettingForm(
  key: string,
  current: unknown,
  submitted: Record<string, string | boolean | undefined>,
): { ok: true; value: unknown } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const value = structuredClone(current) as Record<string, unknown>;
  for (const field of settingFields(key, current)) {
    const read = readField(field, submitted[field.path]);
    if ("error" in read) {
      errors[field.path] = [read.error];
      continue;
    }
    const steps = field.path.split(".").slice(1);
    let target = value;
    for (const step of steps.slice(0, -1)) target = target[step] as Record<string, unknown>;
    target[steps[steps.length - 1]!] = read.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
