import "server-only";
import { prisma } from "@/lib/db";
import { buildTimeline, changeSummary, type TimelineEntry } from "@/lib/accounts/timeline";
import { companyToday } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import { expansionTiming, upsellProducts } from "@/lib/handoff/document";
import { storedRiskFactors } from "@/lib/risk/assess";
import { findVisibleAccount } from "@/lib/server/accounts/access";
import { canIdentifyExpansion, canManageAccount } from "@/lib/server/accounts/permissions";
import type { ActingUser } from "@/lib/server/authz";
import { requestSettings } from "@/lib/server/settings/request-settings";
import { contractedArr } from "@/lib/server/ledger/ledger-day";
import { termNumbers } from "@/lib/renewals/term-chain";
import { CLOSED_WON_TAG, downloadableDocuments } from "@/lib/server/handoffs/policy/documents";

// The account page: its facts, renewals, upcoming touchpoints, latest risk, the expansion opportunity and the
// timeline of everything, for anyone who may see the account, with what they may change.

const TIMELINE_LIMIT = 300;

export async function getAccount(actor: ActingUser, accountId: string, now = new Date()) {
  const access = await findVisibleAccount(actor, accountId);
  // Every read below starts at once; the three that need another's answer (today's ARR, the handoffs'
  // notifications, the renewals' changes) follow it alone, so the page waits for two round trips, not ten.
  const settingsRead = requestSettings();
  const todayRead = settingsRead.then((settings) => companyToday(now, settings.calendar.timezone));
  // Prisma's queries run when first awaited; a real promise runs each once, however many reads wait on it.
  const factsRead = Promise.resolve(accountFacts(access.id));
  const [settings, today, account, records] = await Promise.all([settingsRead, todayRead, factsRead, accountRecords(actor, access.id, factsRead, todayRead)]);
  const { deals, handoffs, touchpoints, risks, catalogue, contacts, assets, mayDownload, contracted } = records;
  const timeline = accountTimeline(records, today);

  const wonDeals = deals.filter((deal) => deal.stage === "CLOSED_WON");
  const owned = [...new Map(wonDeals.flatMap((deal) => deal.products.map((p) => [p.product.id, p.product] as const))).values()];
  const firstClose = wonDeals.at(-1)?.closeDate ?? account.initialSignedAt ?? today;
  const latestRisk = risks[0] ? { overall: risks[0].overall, createdAt: risks[0].createdAt, factors: storedRiskFactors.parse(risks[0].factors) } : null;
  const canManage = canManageAccount(actor, access);
  return {
    account: { ...account, usagePct: Number(account.usagePct) },
    today,
    /** ARR that movements dated after today add: contracted, not yet in today's ARR. */
    contracted,
    renewalTerms: termNumbers(account.renewals),
    lossReasons: settings.revenue.lossReasons,
    ownedProducts: owned.map((product) => product.name).sort(),
    expansion: {
      products: upsellProducts(catalogue, owned),
      potentialCents: account.expansionPotentialCents,
      timing: expansionTiming(account.goLiveAt ? toIsoDate(account.goLiveAt) : null, firstClose, account.healthScore),
      openHandoffId: handoffs.find((h) => h.type === "EXPANSION" && (h.status === "IN_PROGRESS" || h.status === "SUBMITTED"))?.id ?? null,
    },
    contacts,
    closedWonAssets: assets.map((d) => ({ ...d, uploadedByName: d.uploadedBy.name, canDownload: mayDownload.has(d.id) })),
    upcoming: touchpoints.filter((t) => t.status === "PLANNED" && t.dueDate >= today).map((t) => ({ ...t, ownerName: t.owner?.name ?? null })),
    latestRisk,
    timeline,
    permissions: { canManage, canIdentifyExpansion: canIdentifyExpansion(actor, access), canMoveRenewals: canManage },
  };
}

/** The account's own columns, its people and its renewals. */
function accountFacts(accountId: string) {
  return prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      externalId: true,
      segment: true,
      industry: true,
      region: true,
      strategic: true,
      healthScore: true,
      usagePct: true,
      arrCents: true,
      expansionPotentialCents: true,
      initialSignedAt: true,
      goLiveAt: true,
      firstValueAt: true,
      csm: { select: { id: true, name: true } },
      ae: { select: { id: true, name: true } },
      renewals: {
        orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
        select: {
          id: true, name: true, renewalDate: true, stage: true, amountCents: true, closedAmountCents: true, contractTermMonths: true,
          originalDealId: true, renewedByDealId: true, lossReason: true, lossAddressable: true,
        },
      },
    },
  });
}

type AccountFacts = Awaited<ReturnType<typeof accountFacts>>;
type AccountRecords = Awaited<ReturnType<typeof accountRecords>>;

/** Everything recorded about the account — deals, handoffs, touchpoints, messages, risk, ARR, meetings, changes. */
async function accountRecords(actor: ActingUser, accountId: string, factsRead: Promise<AccountFacts>, todayRead: Promise<Date>) {
  const account = { id: accountId };
  const handoffsRead = Promise.resolve(prisma.handoff.findMany({
    where: { accountId: account.id },
    select: { id: true, type: true, status: true, startedAt: true, dueAt: true, completedAt: true, completedWithinSla: true, acknowledgedAt: true, rating: true, skippedAt: true, skipReason: true },
  }));
  const [deals, handoffs, assignments, touchpoints, notifications, emails, risks, movements, meetings, audits, catalogue, contacts, assets, downloadable, contracted] = await Promise.all([
    prisma.deal.findMany({
      where: { accountId: account.id },
      orderBy: { closeDate: "desc" },
      select: { id: true, name: true, amountCents: true, createdAt: true, closedWonAt: true, closeDate: true, stage: true, products: { select: { product: { select: { id: true, name: true } } } } },
    }),
    handoffsRead,
    prisma.csmAssignment.findMany({
      where: { accountId: account.id },
      select: { id: true, createdAt: true, status: true, decidedAt: true, reason: true, suggestedCsm: { select: { name: true } }, chosenCsm: { select: { name: true } } },
    }),
    prisma.touchpoint.findMany({ where: { accountId: account.id }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], select: { id: true, type: true, status: true, dueDate: true, completedAt: true, notes: true, asapFlag: true, aeInvited: true, owner: { select: { name: true } } } }),
    handoffsRead.then((rows) =>
      prisma.notification.findMany({
        where: { link: { in: [`/accounts/${account.id}`, ...rows.map((h) => `/handoffs/${h.id}`)] } },
        orderBy: { createdAt: "desc" },
        take: TIMELINE_LIMIT,
        select: { id: true, kind: true, title: true, body: true, createdAt: true, link: true },
      }),
    ),
    prisma.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "desc" }, take: TIMELINE_LIMIT, select: { id: true, kind: true, subject: true, toEmails: true, createdAt: true, sentAt: true } }),
    prisma.riskAssessment.findMany({ where: { accountId: account.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: { id: true, overall: true, trigger: true, createdAt: true, factors: true } }),
    prisma.arrMovement.findMany({ where: { accountId: account.id }, orderBy: { date: "desc" }, select: { id: true, type: true, amountCents: true, date: true } }),
    prisma.meeting.findMany({ where: { accountId: account.id }, orderBy: { startsAt: "desc" }, select: { id: true, kind: true, startsAt: true, durationMinutes: true, attendeeEmails: true } }),
    factsRead.then((facts) =>
      prisma.auditEvent.findMany({
        where: { OR: [{ entityType: "Account", entityId: account.id }, { entityType: "RenewalOpportunity", entityId: { in: facts.renewals.map((r) => r.id) } }] },
        orderBy: { at: "desc" },
        take: TIMELINE_LIMIT,
        select: { id: true, action: true, at: true, data: true, actor: { select: { name: true } } },
      }),
    ),
    prisma.product.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.contact.findMany({ where: { accountId: account.id }, orderBy: [{ priority: "asc" }, { name: "asc" }], select: { id: true, name: true, title: true, role: true, email: true, priority: true, notes: true } }),
    prisma.document.findMany({
      where: { accountId: account.id, tags: { has: CLOSED_WON_TAG } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, kind: true, originalName: true, sizeBytes: true, createdAt: true, uploadedBy: { select: { name: true } } },
    }),
    prisma.document.findMany({ where: { AND: [{ accountId: account.id }, downloadableDocuments(actor)] }, select: { id: true } }),
    todayRead.then(async (today) => (await contractedArr(prisma, [account.id], today)).get(account.id) ?? null),
  ]);
  return {
    contracted, deals, handoffs, assignments, touchpoints, notifications, emails, risks, movements, meetings, audits, catalogue, contacts, assets,
    mayDownload: new Set(downloadable.map((d) => d.id)),
  };
}

/** The account's timeline: every record above as one dated list, newest first. */
function accountTimeline(records: AccountRecords, today: Date): TimelineEntry[] {
  const { deals, handoffs, assignments, touchpoints, notifications, emails, risks, movements, meetings, audits } = records;
  return buildTimeline({
    today,
    deals,
    handoffs,
    assignments: assignments.map((a) => ({ ...a, suggestedName: a.suggestedCsm?.name ?? null, chosenName: a.chosenCsm?.name ?? null })),
    touchpoints,
    notifications,
    emails,
    risks,
    movements,
    meetings,
    changes: audits.flatMap((event) => {
      const summary = changeSummary(event.action, (event.data ?? {}) as Record<string, unknown>);
      return summary ? [{ id: String(event.id), action: event.action, at: event.at, actorName: event.actor?.name ?? null, summary }] : [];
    }),
  }).slice(0, TIMELINE_LIMIT);
}

export type AccountView = Awaited<ReturnType<typeof getAccount>>;
