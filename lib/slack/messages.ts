import { formatCentsWhole, formatDate } from "@/lib/format";

// What Baton posts to Slack (an incoming webhook: a JSON body with `text`, Slack's mrkdwn). Pure: the job
// loads the records and these functions word the message.

export type SlackEvent =
  | { kind: "handoff.submitted"; handoffId: string }
  | { kind: "handoff.overdue"; handoffId: string }
  | { kind: "assignment.approved"; assignmentId: string }
  | { kind: "renewal.alert"; renewalId: string; daysBefore: number };

export interface HandoffView {
  accountName: string;
  dealName: string | null;
  amountCents: bigint | null;
  aeName: string | null;
  dueAt: Date;
  link: string;
}

export interface AssignmentView {
  accountName: string;
  csmName: string;
  decidedByName: string | null;
  overridden: boolean;
  link: string;
}

export interface RenewalView {
  accountName: string;
  amountCents: bigint;
  renewalDate: Date;
  csmName: string | null;
  link: string;
}

export interface SlackMessage {
  text: string;
}

/** Slack's mrkdwn treats &, < and > specially; names are escaped so they cannot break a link or mention anyone. */
export function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const link = (url: string, label: string) => `<${url}|${escapeSlack(label)}>`;
const money = (cents: bigint | null) => (cents === null ? "" : ` (${formatCentsWhole(cents)} ARR)`);

export function handoffSubmittedMessage(view: HandoffView): SlackMessage {
  return {
    text:
      `:baton: Handoff submitted for *${escapeSlack(view.accountName)}*${money(view.amountCents)}` +
      `${view.aeName ? ` by ${escapeSlack(view.aeName)}` : ""}. ${link(view.link, "Open the handoff")}`,
  };
}

export function handoffOverdueMessage(view: HandoffView): SlackMessage {
  return {
    text:
      `:warning: Handoff overdue for *${escapeSlack(view.accountName)}*${money(view.amountCents)}: the 72 business hours ran out ` +
      `${view.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC${view.aeName ? ` (AE ${escapeSlack(view.aeName)})` : ""}. ${link(view.link, "Open the handoff")}`,
  };
}

export function assignmentApprovedMessage(view: AssignmentView): SlackMessage {
  const verb = view.overridden ? "assigned (another candidate than suggested)" : "approved";
  return {
    text:
      `:white_check_mark: CSM ${verb} for *${escapeSlack(view.accountName)}*: ${escapeSlack(view.csmName)}` +
      `${view.decidedByName ? `, by ${escapeSlack(view.decidedByName)}` : ""}. ${link(view.link, "See the decision")}`,
  };
}

export function renewalAlertMessage(view: RenewalView, daysBefore: number): SlackMessage {
  return {
    text:
      `:calendar: Renewal in ${daysBefore} days for *${escapeSlack(view.accountName)}*${money(view.amountCents)} on ${formatDate(view.renewalDate)}` +
      `${view.csmName ? ` (CSM ${escapeSlack(view.csmName)})` : " (no CSM assigned)"}. ${link(view.link, "Open the renewal")}`,
  };
}
