import "server-only";
import type { SlackMessage } from "@/lib/slack/messages";

// Posts one message to a Slack incoming webhook. Anything but a 2xx throws, so the job queue retries the
// delivery (with its backoff) until Slack accepts it or the retries run out.

export class SlackDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "SlackDeliveryError";
  }
}

const TIMEOUT_MS = 10_000;

export async function sendSlack(webhookUrl: string, message: SlackMessage, fetchImpl: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new SlackDeliveryError(`Slack did not answer: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  // The webhook's answer is a short text ("ok", or the reason it refused): never logged with the URL, which is a secret.
  const answer = (await response.text().catch(() => "")).slice(0, 200);
  if (!response.ok) throw new SlackDeliveryError(`Slack refused the message (${response.status}): ${answer}`, response.status);
}
