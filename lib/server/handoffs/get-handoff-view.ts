import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { checklistDraftSchema } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { findVisibleHandoff } from "@/lib/server/handoffs/access";
import { canAcknowledge, canEditHandoff, canLogHandoffMeeting, canSetUpAccount } from "@/lib/server/handoffs/permissions";
import { getSettings } from "@/lib/server/settings/get-settings";

// What the wizard page shows, for one handoff the actor may see. Each nested relation is a query of its own, so
// the page's select holds only what it shows (the bench:load figures of the handoff page come from this); the
// handoff document adds its own few (getHandoffDocumentExtras).
export async function getHandoffView(actor: ActingUser, handoffId: string, now = new Date()) {
  const access = await findVisibleHandoff(actor, handoffId);
  const [handoff, settings, products, csManagers] = await Promise.all([
    prisma.handoff.findUniqueOrThrow({
      where: { id: access.id },
      select: {
        id: true,
        type: true,
        status: true,
        version: true,
        checklist: true,
        startedAt: true,
        dueAt: true,
        submittedAt: true,
        completedAt: true,
        completedWithinSla: true,
        skipReason: true,
        acknowledgedAt: true,
        rating: true,
        ratingComment: true,
        updatedAt: true,
        account: {
          select: {
            id: true,
            name: true,
            segment: true,
            industry: true,
            strategic: true,
            needsOnsite: true,
            expansionPotentialCents: true,
            healthScore: true,
            usagePct: true,
            csm: { select: { id: true, name: true, email: true } },
            contacts: { orderBy: [{ priority: "asc" }, { name: "asc" }], select: { name: true, title: true, role: true, email: true, priority: true, notes: true, createdAt: true } },
            // The first kick-off, for the client introduction's merge field.
            meetings: { where: { kind: "KICKOFF" }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
          },
        },
        deal: {
          select: {
            id: true,
            name: true,
            amountCents: true,
            termMonths: true,
            closeDate: true,
            contractStart: true,
            winReason: true,
            competitor: true,
            painPoints: true,
            risks: true,
            technicalRequirements: true,
            integrations: true,
            implementationTimeline: true,
            owner: { select: { name: true, email: true } },
            products: { select: { product: { select: { id: true, name: true, technical: true } } } },
          },
        },
        policySteps: { select: { step: true, completedAt: true, data: true } },
        meetings: { orderBy: { startsAt: "asc" }, select: { id: true, kind: true, startsAt: true, durationMinutes: true, attendeeEmails: true, notes: true } },
        documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, originalName: true, sizeBytes: true, tags: true, createdAt: true } },
        emails: { where: { kind: "CLIENT_INTRODUCTION" }, orderBy: { createdAt: "desc" }, select: { subject: true, toEmails: true, ccEmails: true, sentAt: true } },
        milestones: { orderBy: { position: "asc" }, select: { name: true, dueDate: true } },
        assignments: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1, select: { id: true, status: true, suggestedCsm: { select: { name: true } } } },
      },
    }),
    getSettings(),
    prisma.product.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, technical: true } }),
    prisma.user.findMany({ where: { role: "CS_MANAGER", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);

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
