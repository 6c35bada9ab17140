import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import {
  assignmentApprovedMessage,
  handoffOverdueMessage,
  handoffSubmittedMessage,
  renewalAlertMessage,
  type SlackEvent,
  type SlackMessage,
} from "@/lib/slack/messages";
import { getSettings } from "@/lib/server/settings/get-settings";
import { sendSlack } from "@/lib/server/slack/send-slack";

// The "slack-notify" job: reads the record as it is now, words the message and posts it to the webhook URL in
// the settings at delivery time (so a URL fixed after a failure is used by the retries). A Slack URL removed
// in the meantime, or a record deleted, ends the job quietly.

const url = (path: string) => new URL(path, env().APP_URL).toString();

async function messageFor(event: SlackEvent): Promise<SlackMessage | null> {
  switch (event.kind) {
    case "handoff.submitted":
    case "handoff.overdue": {
      const handoff = await prisma.handoff.findUnique({
        where: { id: event.handoffId },
        select: { dueAt: true, account: { select: { name: true } }, deal: { select: { name: true, amountCents: true, owner: { select: { name: true } } } } },
      });
      if (!handoff) return null;
      const view = {
        accountName: handoff.account.name,
        dealName: handoff.deal?.name ?? null,
        amountCents: handoff.deal?.amountCents ?? null,
        aeName: handoff.deal?.owner.name ?? null,
        dueAt: handoff.dueAt,
        link: url(`/handoffs/${event.handoffId}`),
      };
      return event.kind === "handoff.submitted" ? handoffSubmittedMessage(view) : handoffOverdueMessage(view);
    }
    case "assignment.approved": {
      const assignment = await prisma.csmAssignment.findUnique({
        where: { id: event.assignmentId },
        select: { status: true, account: { select: { name: true } }, chosenCsm: { select: { name: true } }, decidedBy: { select: { name: true } } },
      });
      if (!assignment?.chosenCsm) return null;
      return assignmentApprovedMessage({
        accountName: assignment.account.name,
        csmName: assignment.chosenCsm.name,
        decidedByName: assignment.decidedBy?.name ?? null,
        overridden: assignment.status === "OVERRIDDEN",
        link: url(`/assignments/${event.assignmentId}`),
      });
    }
    case "renewal.alert": {
      const renewal = await prisma.renewalOpportunity.findUnique({
        where: { id: event.renewalId },
        select: { amountCents: true, renewalDate: true, originalDealId: true, account: { select: { name: true, csm: { select: { name: true } } } } },
      });
      if (!renewal) return null;
      return renewalAlertMessage(
        {
          accountName: renewal.account.name,
          amountCents: renewal.amountCents,
          renewalDate: renewal.renewalDate,
          csmName: renewal.account.csm?.name ?? null,
          link: url(`/deals/${renewal.originalDealId}`),
        },
        event.daysBefore,
      );
    }
  }
}

export async function deliverSlackNotification(event: SlackEvent, fetchImpl?: typeof fetch): Promise<{ sent: boolean }> {
  const { integrations } = await getSettings();
  if (!integrations.slackWebhookUrl) return { sent: false };
  const message = await messageFor(event);
  if (!message) return { sent: false };
  await sendSlack(integrations.slackWebhookUrl, message, fetchImpl);
  return { sent: true };
}
