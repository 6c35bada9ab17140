import "server-only";
import type { Tx } from "@/lib/db";
import type { SlackEvent } from "@/lib/slack/messages";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { getSettings } from "@/lib/server/settings/get-settings";

/**
 * Queues a Slack notification inside the transaction that decided it (it exists only if that commits); the
 * worker delivers it with retries. Nothing is queued while no Slack webhook URL is set.
 */
export async function notifySlack(tx: Tx, event: SlackEvent): Promise<void> {
  const { integrations } = await getSettings(tx);
  if (!integrations.slackWebhookUrl) return;
  await enqueueJob("slack-notify", { event }, { tx });
}
