import { z } from "zod";
import { accountInput, contactInput, dealInput } from "@/lib/api/schemas";
import { instantInWindow } from "@/lib/input/dates";

// What the CRM sends to /api/webhooks/crm (documented in README.md). Every event has an id, unique per event
// and stable across redeliveries (deduplication is by it), and a type. Baton acts on `deal.closed_won`;
// other types are acknowledged and ignored.

const externalId = z.string().trim().min(1).max(100);

export const crmEvent = z.object({
  id: z.string().trim().min(1).max(200),
  type: z.string().trim().min(1).max(100),
  occurredAt: instantInWindow.optional(),
  data: z.unknown(),
});
export type CrmEvent = z.infer<typeof crmEvent>;

export const dealClosedWonData = z.object({
  account: accountInput.extend({ externalId }),
  contacts: z.array(contactInput.extend({ email: z.email() })).max(200).default([]),
  deal: dealInput.omit({ accountExternalId: true, stage: true }).extend({ externalId }),
  /** When the deal closed in the CRM: starts the 72-business-hour clock. Default: the end of its close date in company time, never later than its arrival. */
  closedAt: instantInWindow.optional(),
});
export type DealClosedWonData = z.infer<typeof dealClosedWonData>;

export const HANDLED_EVENT_TYPES = ["deal.closed_won"] as const;
