import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { checklistDraftSchema } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { notFound } from "@/lib/errors";
import { visibleHandoffOnce } from "@/lib/server/handoffs/access";
import { loadHandoffView } from "@/lib/server/handoffs/handoff-view-sql";
import { canAcknowledge, canEditHandoff, canLogHandoffMeeting, canSetUpAccount } from "@/lib/server/handoffs/permissions";
import { requestSettings } from "@/lib/server/settings/request-settings";

// What the wizard page shows, for one handoff the actor may see. The handoff with everything nested under it, the
// product catalogue and the CS managers come back in one statement as one JSON value (Prisma's nested select was
// a query per relation: 16 for the handoff alone, each a round trip and a turn for a pooled connection under
// load); the handoff document adds its own few (getHandoffDocumentExtras).
export async function getHandoffView(actor: ActingUser, handoffId: string, now = new Date()) {
  const access = await visibleHandoffOnce(actor, handoffId);
  const [loaded, settings] = await Promise.all([loadHandoffView(access.id), requestSettings()]);
  if (!loaded) throw notFound("The handoff");
  const { products, csManagers, ...handoff } = loaded;
  const isOwner = canEditHandoff(actor, access);
  const open = handoff.status !== "SKIPPED";
  const amount = handoff.deal?.amountCents ?? 0n;
  return {
    handoff: { ...handoff, checklist: checklistDraftSchema.catch({}).parse(handoff.checklist) },
    products,
    csManagers,
    settings,
    timezone: settings.calendar.timezone,
    slaHours: settings.handoff.slaBusinessHours,
    businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    skipThresholdCents: BigInt(settings.handoff.neverSkipAboveCents),
    permissions: {
      editChecklist: isOwner && handoff.status === "IN_PROGRESS",
      skip: isOwner && handoff.status === "IN_PROGRESS" && amount <= BigInt(settings.handoff.neverSkipAboveCents),
      logMeeting: open && canLogHandoffMeeting(actor, access),
      sendIntroduction: open && isOwner,
      uploadDocuments: open && isOwner,
      accountSetup: open && canSetUpAccount(actor),
      acknowledge: canAcknowledge(actor, access) && handoff.status === "COMPLETED",
    },
  };
}

export type HandoffView = Awaited<ReturnType<typeof getHandoffView>>;

/** What only the handoff document shows: the renewal, touchpoints, latest risk and the CSM's load. */
export async function getHandoffDocumentExtras(handoffId: string) {
  return prisma.handoff.findUniqueOrThrow({
    where: { id: handoffId },
    select: {
      account: { select: { csm: { select: { csmProfile: { select: { tier: true, maxAccounts: true } }, _count: { select: { csmAccounts: true } } } } } },
      deal: {
        select: {
          renewal: { select: { name: true, amountCents: true, renewalDate: true, stage: true } },
          touchpoints: { orderBy: [{ dueDate: "asc" }, { type: "asc" }], select: { type: true, dueDate: true, aeInvited: true, asapFlag: true, status: true } },
          riskAssessments: { orderBy: { createdAt: "desc" }, take: 1, select: { overall: true, factors: true } },
        },
      },
    },
  });
}
