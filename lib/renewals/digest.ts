import { formatCentsWhole, formatDate } from "@/lib/format";
import { daysBetween } from "@/lib/dates";

// The CSM's daily digest e-mail: what is overdue, what is coming this week, which renewals are inside the
// 90-day window and which handoffs wait for their acknowledgment. Plain text, most urgent first.

export interface DigestTouchpoint {
  label: string;
  accountName: string;
  dueDate: Date;
}

export interface DigestRenewal {
  accountName: string;
  renewalDate: Date;
  amountCents: bigint;
  stageLabel: string;
}

export interface DigestInput {
  csmName: string;
  today: Date;
  overdue: readonly DigestTouchpoint[];
  upcoming: readonly DigestTouchpoint[];
  renewals: readonly DigestRenewal[];
  acknowledgments: readonly { accountName: string; completedAt: Date | null }[];
  appUrl: string;
}

export function digestIsEmpty(input: Pick<DigestInput, "overdue" | "upcoming" | "renewals" | "acknowledgments">): boolean {
  return input.overdue.length + input.upcoming.length + input.renewals.length + input.acknowledgments.length === 0;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`${title} (${lines.length})`, ...lines.map((line) => `- ${line}`), ""];
}

export function digestEmail(input: DigestInput): { subject: string; text: string } {
  const { today } = input;
  const overdue = input.overdue.map((t) => `${t.label} with ${t.accountName} — due ${formatDate(t.dueDate)} (${daysBetween(t.dueDate, today)} days overdue)`);
  const upcoming = input.upcoming.map((t) => `${formatDate(t.dueDate)}: ${t.label} with ${t.accountName}`);
  const renewals = input.renewals.map((r) => {
    const days = daysBetween(today, r.renewalDate);
    const when = days < 0 ? `${-days} days overdue` : `in ${days} days`;
    return `${r.accountName}: ${formatCentsWhole(r.amountCents)} ARR renews ${formatDate(r.renewalDate)} (${when}) — ${r.stageLabel}`;
  });
  const acknowledgments = input.acknowledgments.map((a) => `${a.accountName}: handoff completed${a.completedAt ? ` ${formatDate(a.completedAt)}` : ""}, waiting for your acknowledgment and rating`);
  const counts = [
    overdue.length ? `${overdue.length} overdue` : null,
    upcoming.length ? `${upcoming.length} this week` : null,
    renewals.length ? `${renewals.length} renewals due` : null,
    acknowledgments.length ? `${acknowledgments.length} to acknowledge` : null,
  ].filter(Boolean);
  const text = [
    `Good morning ${input.csmName.split(" ")[0]},`,
    "",
    `Your Baton digest for ${formatDate(today)}.`,
    "",
    ...section("Overdue touchpoints", overdue),
    ...section("Touchpoints in the next 7 days", upcoming),
    ...section("Renewals due within 90 days", renewals),
    ...section("Handoffs waiting for your acknowledgment", acknowledgments),
    `Your book: ${input.appUrl}/book`,
  ].join("\n");
  return { subject: `Baton digest ${formatDate(today)}: ${counts.join(", ")}`, text };
}
