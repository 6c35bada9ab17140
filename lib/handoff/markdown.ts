import { formatCents, formatCentsWhole, formatDate } from "@/lib/format";
import type { DocumentSource, HandoffDocument } from "@/lib/handoff/document";

// "Copy as Markdown": the seed's "Handoff Complete" response format, filled from the handoff document.

const ROLE_NAMES: Record<string, string> = {
  CHAMPION: "Champion",
  ECONOMIC_BUYER: "Economic buyer",
  EXECUTIVE_SPONSOR: "Executive sponsor",
  TECHNICAL_LEAD: "Technical lead",
  USER: "User",
  OTHER: "Other",
};
const capitalize = (value: string) => (value ? value.charAt(0) + value.slice(1).toLowerCase() : value);
const money = (cents: bigint) => (cents % 100n === 0n ? formatCentsWhole(cents) : formatCents(cents));
/**
 * Text people typed (names, notes, criteria) as Markdown text: raw HTML would pass through a Markdown renderer
 * (a <script>, an <img onerror>), so <, > and & are backslash-escaped and show as themselves.
 */
export const markdownText = (value: string) => value.replace(/[\\<>&]/g, "\\$&");
const cell = (value: string) => markdownText(value).replace(/\|/g, "\\|").replace(/\n/g, " ") || "—";
const list = (items: string[], empty: string) => (items.length > 0 ? items.map((item) => `- ${markdownText(item)}`).join("\n") : `- ${empty}`);
const check = (done: boolean) => (done ? "[x]" : "[ ]");

export function handoffCompleteMarkdown(doc: HandoffDocument, source: DocumentSource): string {
  const { overview, context, implementation, expansionOpportunity } = doc;
  const criteria = doc.successCriteria.length
    ? doc.successCriteria.map((c, i) => `${i + 1}. ${markdownText(`${c.metric}: from ${c.baseline} to ${c.target} by ${c.dueBy}`)}`).join("\n")
    : "1. (none recorded)";
  const stakeholders = doc.stakeholders
    .map((s) => `| ${cell(s.name)} | ${cell(s.title)} | ${ROLE_NAMES[s.role] ?? cell(s.role)} | ${capitalize(s.priority) || "—"} |`)
    .join("\n");
  const touchpoints = source.touchpoints
    .map((t) => `| ${formatDate(t.date)} | ${t.label} | ${t.aeInvited ? "CSM + Rep" : "CSM"} |`)
    .join("\n");
  const risks = source.risk?.factors.map((f) => `| ${f.label} | ${capitalize(f.level)} | ${cell(f.mitigation)} |`).join("\n");
  const meeting = source.handoffMeeting;
  const load = source.csm ? `${source.csm.accounts}/${source.csm.maxAccounts ?? "—"} accounts` : "—";

  return `## ✅ Customer Handoff Complete

**Account**: ${markdownText(overview.accountName)}
**Deal Value**: ${money(overview.dealValueCents)} ARR
**Contract Term**: ${overview.contractTermMonths} months
**Renewal Date**: ${formatDate(overview.renewalDate)}

### Assignment

**Sales Rep**: ${markdownText(source.aeName)}
**Assigned CSM**: ${source.csm ? markdownText(source.csm.name) : "Awaiting assignment"}
**CSM Segment**: ${source.segmentLabel}
**CSM Load**: ${load}

### Handoff Summary

**Why They Bought**:
${markdownText(context.whyTheyBought) || "(not recorded)"}

**Success Criteria**:
${criteria}

**Key Stakeholders**:
| Name | Title | Role | Priority |
|------|-------|------|----------|
${stakeholders || "| — | — | — | — |"}

### Implementation Plan

**Timeline**: ${implementation.start ?? "—"} - ${implementation.goLive ?? "—"}
**Requirements**:
${list(implementation.requirements, "(none recorded)")}

**Integrations Needed**:
${list(implementation.integrations, "(none)")}

### Scheduled Touchpoints

| Date | Type | Owner |
|------|------|-------|
${touchpoints || "| — | Not yet scheduled | — |"}

### Renewal Pipeline Created

**Opportunity**: ${source.renewal ? markdownText(source.renewal.name) : "Not yet created"}
**Amount**: ${source.renewal ? money(source.renewal.amountCents) : "—"}
**Date**: ${source.renewal ? formatDate(source.renewal.renewalDate) : "—"}
**Stage**: Renewal Pending

### Risk Assessment

**Initial Risk Level**: ${source.risk ? capitalize(source.risk.overall) : "Not assessed"}

| Risk Factor | Level | Mitigation |
|-------------|-------|------------|
${risks || context.risksIdentified.map((r) => `| ${cell(r.description)} | ${capitalize(r.severity)} | ${cell(r.mitigation)} |`).join("\n") || "| — | — | — |"}

### Expansion Opportunity

**Estimated Potential**: ${money(expansionOpportunity.potentialCents)}
**Products**: ${markdownText(expansionOpportunity.products.join(", ")) || "—"}
**Timing**: ${expansionOpportunity.timing}

### Handoff Meeting

📅 **Scheduled**: ${meeting ? meeting.startsAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "Not yet scheduled"}
**Attendees**: ${markdownText(meeting?.attendees.join(", ") ?? "") || "—"}
**Agenda**: Deal context, success criteria, risk review

---

**Handoff Checklist**:
- ${check(source.checklistDone.renewal)} Renewal opportunity created
- ${check(source.checklistDone.csm)} CSM assigned
- ${check(source.checklistDone.documentSent)} Handoff document sent
- ${check(source.checklistDone.touchpoints)} Touchpoints scheduled
- ${check(source.checklistDone.meeting)} Handoff meeting scheduled
`;
}
