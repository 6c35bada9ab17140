import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { crmEvent, dealClosedWonData, type DealClosedWonData } from "@/lib/webhooks/crm-event";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/webhooks/signature";
import { fieldErrorsOf } from "@/lib/server/actions/result";
import { nulFieldErrors } from "@/lib/input/text";
import { retryOnContention } from "@/lib/server/db/retry-on-contention";
import { systemActor } from "@/lib/server/actor";
import { accountRowOf, contactRowOf, dealRowOf } from "@/lib/server/crm/api-rows";
import { upsertAccountRecord, upsertContactRecord, upsertDealRecord } from "@/lib/server/crm/upsert-record";

// The CRM webhook: signature and timestamp first, then the event is recorded by its id and processed in the
// same transaction. A second delivery of the same event (a retry, a replay, 100 at once) finds the id taken —
// it waits for the first transaction, then answers `duplicate: true` without touching anything. If processing
// fails, the id is not kept, so the CRM's retry processes it afresh.

export const WEBHOOK_ACTOR = systemActor("crm-webhook");

export interface WebhookReply {
  received: true;
  eventId: string;
  duplicate: boolean;
  ignored?: boolean;
  result?: Record<string, unknown>;
}

function parseBody(rawBody: string) {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON.");
  }
  const nul = nulFieldErrors(json);
  if (Object.keys(nul).length > 0) throw new AppError("VALIDATION", "Text may not contain NUL characters.", nul);
  const event = crmEvent.safeParse(json);
  if (!event.success) throw new AppError("VALIDATION", "The event has invalid fields.", fieldErrorsOf(event.error));
  if (event.data.type !== "deal.closed_won") return { event: event.data, data: null };
  const data = dealClosedWonData.safeParse(event.data.data);
  if (!data.success) {
    const fields = Object.fromEntries(Object.entries(fieldErrorsOf(data.error)).map(([field, messages]) => [`data.${field}`, messages]));
    throw new AppError("VALIDATION", "The deal.closed_won event has invalid fields.", fields);
  }
  return { event: event.data, data: data.data };
}

async function processClosedWon(tx: Tx, data: DealClosedWonData, now: Date): Promise<Record<string, unknown>> {
  const { externalId: accountId, ...account } = data.account;
  await upsertAccountRecord(WEBHOOK_ACTOR, accountRowOf(accountId, account), { tx, now });
  for (const { email, ...contact } of data.contacts) await upsertContactRecord(WEBHOOK_ACTOR, contactRowOf(accountId, email, contact), { tx, now });
  const { externalId: dealId, ...deal } = data.deal;
  const before = await tx.deal.findUnique({ where: { externalId: dealId }, select: { closedWonAt: true } });
  // The closed-won flow starts the handoff's clock at `closedAt` (the event's, else the deal's), never after `now`.
  const closedAt = data.closedAt ?? deal.closedAt;
  await upsertDealRecord(WEBHOOK_ACTOR, dealRowOf(dealId, { ...deal, closedAt, accountExternalId: accountId, stage: "CLOSED_WON" }), { tx, now });
  const stored = await tx.deal.findUniqueOrThrow({ where: { externalId: dealId }, select: { id: true, handoffs: { select: { id: true } }, renewal: { select: { id: true } } } });
  return {
    dealId: stored.id,
    handoffId: stored.handoffs[0]?.id ?? null,
    renewalOpportunityId: stored.renewal?.id ?? null,
    closedWon: before?.closedWonAt ? "already" : "now",
  };
}

export async function receiveCrmEvent(input: { rawBody: string; signature: string | null; secret: string; now?: Date }): Promise<WebhookReply> {
  const now = input.now ?? new Date();
  const check = verifySignature(input.signature, input.rawBody, input.secret, now);
  if (!check.ok) throw new AppError("UNAUTHENTICATED", check.reason, { [SIGNATURE_HEADER]: [check.reason] });
  const { event, data } = parseBody(input.rawBody);

  // Events racing to create the same account or deal: the loser's transaction is rolled back and run again.
  return retryOnContention(() => prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "WebhookEvent" ("id", "type", "receivedAt") VALUES (${event.id}, ${event.type}, ${now})
        ON CONFLICT ("id") DO NOTHING RETURNING "id"`;
      if (claimed.length === 0) return { received: true, eventId: event.id, duplicate: true };
      const result = data ? await processClosedWon(tx, data, now) : { ignored: true };
      await tx.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), result: result as Prisma.InputJsonObject }, select: { id: true } });
      return data ? { received: true, eventId: event.id, duplicate: false, result } : { received: true, eventId: event.id, duplicate: false, ignored: true };
    },
    { maxWait: 60_000, timeout: 60_000 },
  ));
}
