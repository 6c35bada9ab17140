import type { ChecklistDraft } from "@/lib/handoff/checklist";
import { addMonthsUtc, parseIsoDate, toIsoDate } from "@/lib/dates";
import { formatDate, formatMoney } from "@/lib/format";

// The handoff document (000 step 5) in the seed's "Handoff Complete" response format, as one model: a list of
// blocks that the page renders as HTML and lib/handoff/markdown.ts as Markdown, so the two say the same
// thing field for field. Pure; every value is already the text a person reads (labels, not enum names; dates
// and times in the company's time zone; money exact to the cent).

export type DocumentBlock =
  | { kind: "title"; text: string }
  | { kind: "section"; title: string }
  | { kind: "fields"; fields: { label: string; value: string; icon?: string }[] }
  | { kind: "text"; label: string; text: string }
  | { kind: "list"; label: string; items: string[]; numbered?: boolean }
  | { kind: "table"; label?: string; headers: string[]; rows: string[][] }
  | { kind: "rule" }
  | { kind: "checklist"; label: string; items: { done: boolean; text: string }[] };

export interface DocumentSource {
  /** The handoff's own state: the heading says whether it is complete. */
  complete: boolean;
  accountName: string;
  dealAmountCents: bigint;
  termMonths: number;
  closeDate: Date;
  contractStart: Date | null;
  products: { id: string; name: string }[];
  catalogue: { id: string; name: string }[];
  /** The checklist as the wizard shows it: the AE's answers over what the deal already says. */
  checklist: ChecklistDraft;
  aeName: string;
  csm: { name: string; tierLabel: string; accounts: number; maxAccounts: number | null } | null;
  /** The pending suggestion's top candidate, while no CSM is assigned. */
  suggestedCsmName: string | null;
  expansionPotentialCents: bigint;
  healthScore: number;
  renewal: { name: string; amountCents: bigint; renewalDate: Date; stageLabel: string } | null;
  touchpoints: { date: Date; label: string; aeInvited: boolean; done: boolean }[];
  risk: { overallLabel: string; factors: { label: string; levelLabel: string; reason: string; mitigation: string }[] } | null;
  /** The AE + CSM handoff call, with the time already written in the company's time zone. */
  handoffCall: { when: string; attendees: string[] } | null;
  documents: { kindLabel: string; name: string }[];
  labels: { role: (role: string) => string; priority: (priority: string) => string; severity: (severity: string) => string };
  checklistDone: { renewal: boolean; csm: boolean; documentSent: boolean; touchpoints: boolean; meeting: boolean };
}

export function renewalDateOf(source: Pick<DocumentSource, "contractStart" | "closeDate" | "termMonths">): Date {
  return addMonthsUtc(source.contractStart ?? source.closeDate, source.termMonths);
}

/** Products of the catalogue the account does not own yet: the upsell candidates. */
export function upsellProducts(catalogue: DocumentSource["catalogue"], owned: DocumentSource["products"]): string[] {
  const ownedIds = new Set(owned.map((product) => product.id));
  return catalogue.filter((product) => !ownedIds.has(product.id)).map((product) => product.name);
}

/** Expansion follows adoption: a healthy account is ready after go-live, a struggling one only once it recovers. */
export function expansionTiming(goLive: string | null, closeDate: Date, healthScore: number): string {
  const base = goLive ? parseIsoDate(goLive) : addMonthsUtc(closeDate, 3);
  if (healthScore >= 75) return `From ${toIsoDate(addMonthsUtc(base, 1))}, a month after go-live, once the first success criteria are met`;
  if (healthScore >= 50) return `At the first QBR after go-live (around ${toIsoDate(addMonthsUtc(base, 3))}), if adoption is on track`;
  return "Not before health recovers above 50; focus on adoption first";
}

const isoDay = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(parseIsoDate(value)) : null);
const filled = (items: (string | undefined)[] | undefined) => (items ?? []).map((item) => item?.trim() ?? "").filter(Boolean);

export function buildHandoffDocument(source: DocumentSource): DocumentBlock[] {
  const checklist = source.checklist;
  const timeline = checklist.implementationTimeline ?? {};
  const productIds = checklist.contract?.productIds ?? source.products.map((p) => p.id);
  const names = new Map(source.catalogue.concat(source.products).map((p) => [p.id, p.name]));
  const owned = productIds.map((id) => ({ id, name: names.get(id) ?? id }));
  const renewalDate = source.renewal?.renewalDate ?? renewalDateOf(source);
  const { labels } = source;

  const csmLine = source.csm
    ? source.csm.name
    : source.suggestedCsmName
      ? `Not assigned yet (suggested: ${source.suggestedCsmName}, awaiting a CS manager's approval)`
      : "Not assigned yet (awaiting a CS manager)";
  const criteria = (checklist.successCriteria?.criteria ?? [])
    .filter((c) => c.metric?.trim())
    .map((c) => `${c.metric}: from ${c.baseline || "—"} to ${c.target || "—"} by ${isoDay(c.dueBy) ?? "—"}`);
  const stakeholders = (checklist.stakeholders?.contacts ?? [])
    .filter((c) => c.name?.trim())
    .map((c) => [c.name ?? "", c.title || "—", c.role ? labels.role(c.role) : "—", c.priority ? labels.priority(c.priority) : "—"]);
  const competitor = checklist.competitiveContext?.competitor?.trim() ?? "";
  const competitiveNotes = checklist.competitiveContext?.notes?.trim() ?? "";
  const competitive = [competitor ? `Considered ${competitor}` : "No competitor named", competitiveNotes].filter(Boolean).join(". ");
  const aeRisks = (checklist.riskFactors?.risks ?? [])
    .filter((r) => r.description?.trim())
    .map((r) => [`AE: ${r.description}`, r.severity ? labels.severity(r.severity) : "—", r.mitigation || "—"]);
  const assessed = (source.risk?.factors ?? []).map((f) => [f.label, f.levelLabel, `${f.mitigation} (${f.reason})`]);

  return [
    { kind: "title", text: source.complete ? "✅ Customer Handoff Complete" : "⏳ Customer Handoff in Progress" },
    {
      kind: "fields",
      fields: [
        { label: "Account", value: source.accountName },
        { label: "Deal Value", value: `${formatMoney(source.dealAmountCents)} ARR` },
        { label: "Contract Term", value: `${source.termMonths} months` },
        { label: "Renewal Date", value: formatDate(renewalDate) },
      ],
    },
    { kind: "section", title: "Assignment" },
    {
      kind: "fields",
      fields: [
        { label: "Sales Rep", value: source.aeName },
        { label: "Assigned CSM", value: csmLine },
        { label: "CSM Segment", value: source.csm?.tierLabel ?? "—" },
        { label: "CSM Load", value: source.csm ? `${source.csm.accounts}/${source.csm.maxAccounts ?? "—"} accounts` : "—" },
      ],
    },
    { kind: "section", title: "Handoff Summary" },
    { kind: "text", label: "Why They Bought", text: checklist.whyTheyBought?.winReason?.trim() || "(not recorded)" },
    { kind: "list", label: "Pain Points", items: orNone(filled(checklist.whyTheyBought?.painPoints), "(none recorded)") },
    { kind: "list", label: "Success Criteria", items: orNone(criteria, "(none recorded)"), numbered: true },
    { kind: "table", label: "Key Stakeholders", headers: ["Name", "Title", "Role", "Priority"], rows: stakeholders.length ? stakeholders : [["—", "—", "—", "—"]] },
    { kind: "text", label: "Competitive Context", text: competitive },
    { kind: "section", title: "Implementation Plan" },
    { kind: "fields", fields: [{ label: "Timeline", value: `${isoDay(timeline.start) ?? "—"} - ${isoDay(timeline.goLive) ?? "—"}` }] },
    ...(timeline.notes?.trim() ? [{ kind: "text" as const, label: "Timeline Notes", text: timeline.notes.trim() }] : []),
    { kind: "list", label: "Requirements", items: orNone(filled(checklist.technicalRequirements?.requirements), "(none recorded)") },
    { kind: "list", label: "Integrations Needed", items: orNone(filled(checklist.technicalRequirements?.integrations), "(none)") },
    { kind: "section", title: "Scheduled Touchpoints" },
    {
      kind: "table",
      headers: ["Date", "Type", "Owner"],
      rows: source.touchpoints.length
        ? source.touchpoints.map((t) => [formatDate(t.date), t.done ? `${t.label} (done)` : t.label, t.aeInvited ? "CSM + Rep" : "CSM"])
        : [["—", "Not yet scheduled", "—"]],
    },
    { kind: "section", title: "Renewal Pipeline Created" },
    {
      kind: "fields",
      fields: source.renewal
        ? [
            { label: "Opportunity", value: source.renewal.name },
            { label: "Amount", value: formatMoney(source.renewal.amountCents) },
            { label: "Date", value: formatDate(source.renewal.renewalDate) },
            { label: "Stage", value: source.renewal.stageLabel },
          ]
        : [{ label: "Opportunity", value: "Not yet created" }],
    },
    { kind: "section", title: "Risk Assessment" },
    { kind: "fields", fields: [{ label: "Initial Risk Level", value: source.risk?.overallLabel ?? "Not assessed" }] },
    { kind: "table", headers: ["Risk Factor", "Level", "Mitigation"], rows: [...assessed, ...aeRisks].length ? [...assessed, ...aeRisks] : [["—", "—", "—"]] },
    { kind: "section", title: "Expansion Opportunity" },
    {
      kind: "fields",
      fields: [
        { label: "Estimated Potential", value: formatMoney(source.expansionPotentialCents) },
        { label: "Products", value: upsellProducts(source.catalogue, owned).join(", ") || "—" },
        { label: "Timing", value: expansionTiming(timeline.goLive || null, source.closeDate, source.healthScore) },
      ],
    },
    { kind: "section", title: "Handoff Meeting" },
    {
      kind: "fields",
      fields: [
        { label: "Scheduled", value: source.handoffCall?.when ?? "Not yet scheduled", icon: "📅" },
        { label: "Attendees", value: source.handoffCall?.attendees.join(", ") || `${source.aeName}, ${source.csm?.name ?? "the CSM once assigned"}` },
        { label: "Agenda", value: "Deal context, success criteria, risk review" },
      ],
    },
    { kind: "section", title: "Closed Won Assets" },
    { kind: "list", label: "Documents", items: orNone(source.documents.map((d) => `${d.kindLabel}: ${d.name}`), "(none uploaded yet)") },
    { kind: "rule" },
    {
      kind: "checklist",
      label: "Handoff Checklist",
      items: [
        { done: source.checklistDone.renewal, text: "Renewal opportunity created" },
        { done: source.checklistDone.csm, text: "CSM assigned" },
        { done: source.checklistDone.documentSent, text: "Handoff document sent" },
        { done: source.checklistDone.touchpoints, text: "Touchpoints scheduled" },
        { done: source.checklistDone.meeting, text: "Handoff meeting scheduled" },
      ],
    },
  ];
}

function orNone(items: string[], none: string): string[] {
  return items.length > 0 ? items : [none];
}

/** The words a reader sees, block by block, for comparing the page with the Markdown. */
export function documentPlainText(blocks: readonly DocumentBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        parts.push(block.text);
        break;
      case "section":
        parts.push(block.title);
        break;
      case "fields":
        for (const field of block.fields) parts.push(`${field.icon ? `${field.icon} ` : ""}${field.label}: ${field.value}`);
        break;
      case "text":
        parts.push(`${block.label}:`, block.text);
        break;
      case "list":
        parts.push(`${block.label}:`, ...block.items.map((item, i) => (block.numbered ? `${i + 1}. ${item}` : item)));
        break;
      case "table":
        if (block.label) parts.push(`${block.label}:`);
        parts.push(...block.headers, ...block.rows.flat());
        break;
      case "checklist":
        parts.push(`${block.label}:`, ...block.items.map((item) => `${item.done ? "✓" : "○"} ${item.text}`));
        break;
      case "rule":
        break;
    }
  }
  return normaliseText(parts.join(" "));
}

export function normaliseText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
