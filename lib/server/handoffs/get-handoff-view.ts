import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { checklistDraftSchema } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { findVisibleHandoff } from "@/lib/server/handoffs/access";
import { getSettings } from "@/lib/server/settings/get-settings";

/** Everything the wizard and the handoff document show, for one handoff the actor may see. */
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
            csm: { select: { id: true, name: true, email: true, csmProfile: { select: { tier: true, maxAccounts: true } }, _count: { select: { csmAccounts: true } } } },
            contacts: { orderBy: [{ priority: "asc" }, { name: "asc" }], select: { name: true, title: true, role: true, email: true, priority: true, notes: true } },
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
            renewal: { select: { name: true, amountCents: true, renewalDate: true, stage: true } },
            touchpoints: { orderBy: [{ dueDate: "asc" }, { type: "asc" }], select: { type: true, dueDate: true, aeInvited: true, asapFlag: true, status: true } },
            riskAssessments: { orderBy: { createdAt: "desc" }, take: 1, select: { overall: true, factors: true } },
          },
        },
        policySteps: { select: { step: true, completedAt: true, data: true, completedBy: { select: { name: true } } } },
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

  const isOwner = actor.role === "AE" && access.ownerId === actor.id;
  const open = handoff.status !== "SKIPPED";
  const amount = handoff.deal?.amountCents ?? 0n;
  return {
    handoff: { ...handoff, checklist: checklistDraftSchema.catch({}).parse(handoff.checklist) },
    products,
    csManagers,
    timezone: settings.calendar.timezone,
    slaHours: settings.handoff.slaBusinessHours,
    businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    skipThresholdCents: BigInt(settings.handoff.neverSkipAboveCents),
    permissions: {
      editChecklist: isOwner && handoff.status === "IN_PROGRESS",
      skip: isOwner && handoff.status === "IN_PROGRESS" && amount <= BigInt(settings.handoff.neverSkipAboveCents),
      logMeeting: open && (isOwner || actor.role === "CS_MANAGER"),
      sendIntroduction: open && isOwner,
      uploadDocuments: open && isOwner,
      accountSetup: open && actor.role === "CS_MANAGER",
      acknowledge: actor.role === "CSM" && access.csmId === actor.id && handoff.status === "COMPLETED",
    },
  };
}

export type HandoffView = Awaited<ReturnType<typeof getHandoffView>>;
