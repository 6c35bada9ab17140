import { formatMoney } from "@/lib/format";

/** One line saying what a recorded flow step holds, for the handoff page. */
export function flowSummary(step: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  switch (step) {
    case "RENEWAL_PLAN":
      return `${text("strategy")}${d.targetAmountCents ? ` · target ${formatMoney(BigInt(text("targetAmountCents")))}` : ""} · next: ${text("nextStep")}`;
    case "STAKEHOLDERS_CONFIRMED":
      return `Still in role: ${((d.stillInRole as string[] | undefined) ?? []).join(", ") || "—"}${(d.notInRole as string[] | undefined)?.length ? ` · not confirmed: ${(d.notInRole as string[]).join(", ")}` : ""}`;
    case "EXPANSION_SCOPE":
      return `${((d.products as string[] | undefined) ?? []).join(", ")} · potential ${d.potentialCents ? formatMoney(BigInt(text("potentialCents"))) : "—"}`;
    case "EXPANSION_LEAD":
      return `${text("lead")} (${text("role") === "AE" ? "AE" : "CSM"}) leads`;
    case "EXPANSION_DEAL":
      return text("mode") === "create" ? "Expansion deal created" : "Expansion deal linked";
    default:
      return text("notes");
  }
}
