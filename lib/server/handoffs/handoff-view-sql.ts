import "server-only";
import { prisma } from "@/lib/db";
import type { AssignmentStatus, ContactRole, DocumentKind, HandoffStatus, HandoffType, MeetingKind, PolicyStep, Priority, Segment } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

// The wizard page's handoff in one statement: the row, its account (CSM, contacts, first kick-off), its deal
// (owner, products), policy steps, meetings, documents, introduction e-mails, milestones and latest assignment, plus
// the active products and CS managers the page offers. Timestamps leave as UTC instants (`AT TIME ZONE 'UTC'`:
// the columns hold UTC without a zone), money as text (BigInt), so nothing is lost on the way through JSON; a NULL
// list is empty, as Prisma reads it.

type Instant = string;
type Day = string;

interface RawHandoffView {
  id: string;
  type: HandoffType;
  status: HandoffStatus;
  version: number;
  checklist: Prisma.JsonValue;
  startedAt: Instant;
  dueAt: Instant;
  submittedAt: Instant | null;
  completedAt: Instant | null;
  completedWithinSla: boolean | null;
  skipReason: string | null;
  acknowledgedAt: Instant | null;
  rating: number | null;
  ratingComment: string | null;
  updatedAt: Instant;
  account: {
    id: string;
    name: string;
    segment: Segment;
    industry: string;
    strategic: boolean;
    needsOnsite: boolean;
    expansionPotentialCents: string;
    healthScore: number;
    csm: { id: string; name: string; email: string } | null;
    contacts: { name: string; title: string; role: ContactRole; email: string; priority: Priority; notes: string; createdAt: Instant }[];
    meetings: { startsAt: Instant }[];
  };
  deal: {
    id: string;
    name: string;
    amountCents: string;
    termMonths: number;
    closeDate: Day;
    contractStart: Day | null;
    winReason: string;
    competitor: string;
    painPoints: string[];
    risks: string[];
    technicalRequirements: string[];
    integrations: string[];
    implementationTimeline: string;
    owner: { name: string; email: string };
    products: { product: { id: string; name: string; technical: boolean } }[];
  } | null;
  policySteps: { step: PolicyStep; completedAt: Instant | null; data: Prisma.JsonValue }[];
  meetings: { id: string; kind: MeetingKind; startsAt: Instant; durationMinutes: number; attendeeEmails: string[]; notes: string }[];
  documents: { id: string; kind: DocumentKind; originalName: string; sizeBytes: number; tags: string[]; createdAt: Instant }[];
  emails: { subject: string; toEmails: string[]; ccEmails: string[]; sentAt: Instant | null }[];
  milestones: { name: string; dueDate: Day }[];
  assignments: { id: string; status: AssignmentStatus; suggestedCsm: { name: string } | null }[];
  products: { id: string; name: string; technical: boolean }[];
  csManagers: { id: string; name: string }[];
}

const at = (value: string) => new Date(value);
const atOrNull = (value: string | null) => (value === null ? null : new Date(value));

/** The handoff's page data (null when there is no such handoff); the caller has checked that the actor sees it. */
export async function loadHandoffView(handoffId: string) {
  const [row] = await prisma.$queryRaw<{ view: RawHandoffView }[]>`
    SELECT json_build_object(
      'id', h.id, 'type', h.type, 'status', h.status, 'version', h.version, 'checklist', h.checklist,
      'startedAt', h."startedAt" AT TIME ZONE 'UTC', 'dueAt', h."dueAt" AT TIME ZONE 'UTC',
      'submittedAt', h."submittedAt" AT TIME ZONE 'UTC', 'completedAt', h."completedAt" AT TIME ZONE 'UTC',
      'completedWithinSla', h."completedWithinSla", 'skipReason', h."skipReason",
      'acknowledgedAt', h."acknowledgedAt" AT TIME ZONE 'UTC', 'rating', h.rating, 'ratingComment', h."ratingComment",
      'updatedAt', h."updatedAt" AT TIME ZONE 'UTC',
      'account', (
        SELECT json_build_object(
          'id', a.id, 'name', a.name, 'segment', a.segment, 'industry', a.industry, 'strategic', a.strategic,
          'needsOnsite', a."needsOnsite", 'expansionPotentialCents', a."expansionPotentialCents"::text, 'healthScore', a."healthScore",
          'csm', (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM "User" u WHERE u.id = a."csmId"),
          'contacts', COALESCE((
            SELECT json_agg(json_build_object('name', c.name, 'title', c.title, 'role', c.role, 'email', c.email, 'priority', c.priority,
              'notes', c.notes, 'createdAt', c."createdAt" AT TIME ZONE 'UTC') ORDER BY c.priority, c.name)
            FROM "Contact" c WHERE c."accountId" = a.id), '[]'),
          -- The first kick-off, for the client introduction's merge field.
          'meetings', COALESCE((
            SELECT json_agg(json_build_object('startsAt', k."startsAt" AT TIME ZONE 'UTC'))
            FROM (SELECT m."startsAt" FROM "Meeting" m WHERE m."accountId" = a.id AND m.kind = 'KICKOFF' ORDER BY m."startsAt" LIMIT 1) k), '[]')
        ) FROM "Account" a WHERE a.id = h."accountId"),
      'deal', (
        SELECT json_build_object(
          'id', d.id, 'name', d.name, 'amountCents', d."amountCents"::text, 'termMonths', d."termMonths", 'closeDate', d."closeDate",
          'contractStart', d."contractStart", 'winReason', d."winReason", 'competitor', d.competitor, 'painPoints', COALESCE(d."painPoints", '{}'),
          'risks', COALESCE(d.risks, '{}'), 'technicalRequirements', COALESCE(d."technicalRequirements", '{}'), 'integrations', COALESCE(d.integrations, '{}'),
          'implementationTimeline', d."implementationTimeline",
          'owner', (SELECT json_build_object('name', o.name, 'email', o.email) FROM "User" o WHERE o.id = d."ownerId"),
          'products', COALESCE((
            SELECT json_agg(json_build_object('product', json_build_object('id', p.id, 'name', p.name, 'technical', p.technical)))
            FROM "DealProduct" dp JOIN "Product" p ON p.id = dp."productId" WHERE dp."dealId" = d.id), '[]')
        ) FROM "Deal" d WHERE d.id = h."dealId"),
      'policySteps', COALESCE((
        SELECT json_agg(json_build_object('step', s.step, 'completedAt', s."completedAt" AT TIME ZONE 'UTC', 'data', s.data))
        FROM "HandoffPolicyStep" s WHERE s."handoffId" = h.id), '[]'),
      'meetings', COALESCE((
        SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'startsAt', m."startsAt" AT TIME ZONE 'UTC', 'durationMinutes', m."durationMinutes",
          'attendeeEmails', COALESCE(m."attendeeEmails", '{}'), 'notes', m.notes) ORDER BY m."startsAt")
        FROM "Meeting" m WHERE m."handoffId" = h.id), '[]'),
      'documents', COALESCE((
        SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'originalName', f."originalName", 'sizeBytes', f."sizeBytes", 'tags', COALESCE(f.tags, '{}'),
          'createdAt', f."createdAt" AT TIME ZONE 'UTC') ORDER BY f."createdAt")
        FROM "Document" f WHERE f."handoffId" = h.id), '[]'),
      'emails', COALESCE((
        SELECT json_agg(json_build_object('subject', e.subject, 'toEmails', COALESCE(e."toEmails", '{}'), 'ccEmails', COALESCE(e."ccEmails", '{}'), 'sentAt', e."sentAt" AT TIME ZONE 'UTC')
          ORDER BY e."createdAt" DESC)
        FROM "EmailMessage" e WHERE e."handoffId" = h.id AND e.kind = 'CLIENT_INTRODUCTION'), '[]'),
      'milestones', COALESCE((
        SELECT json_agg(json_build_object('name', ms.name, 'dueDate', ms."dueDate") ORDER BY ms.position)
        FROM "ProjectMilestone" ms WHERE ms."handoffId" = h.id), '[]'),
      'assignments', COALESCE((
        SELECT json_agg(json_build_object('id', x.id, 'status', x.status, 'suggestedCsm', x.suggested))
        FROM (SELECT ca.id, ca.status, (SELECT json_build_object('name', su.name) FROM "User" su WHERE su.id = ca."suggestedCsmId") AS suggested
              FROM "CsmAssignment" ca WHERE ca."handoffId" = h.id ORDER BY ca."createdAt" DESC, ca.id LIMIT 1) x), '[]'),
      'products', COALESCE((
        SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'technical', p.technical) ORDER BY p.name)
        FROM "Product" p WHERE p.active), '[]'),
      'csManagers', COALESCE((
        SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
        FROM "User" u WHERE u.role = 'CS_MANAGER' AND u.active), '[]')
    ) AS view
    FROM "Handoff" h WHERE h.id = ${handoffId}`;
  if (!row) return null;
  const { view } = row;
  return {
    ...view,
    startedAt: at(view.startedAt),
    dueAt: at(view.dueAt),
    submittedAt: atOrNull(view.submittedAt),
    completedAt: atOrNull(view.completedAt),
    acknowledgedAt: atOrNull(view.acknowledgedAt),
    updatedAt: at(view.updatedAt),
    account: {
      ...view.account,
      expansionPotentialCents: BigInt(view.account.expansionPotentialCents),
      contacts: view.account.contacts.map((contact) => ({ ...contact, createdAt: at(contact.createdAt) })),
      meetings: view.account.meetings.map((meeting) => ({ startsAt: at(meeting.startsAt) })),
    },
    deal: view.deal
      ? { ...view.deal, amountCents: BigInt(view.deal.amountCents), closeDate: at(view.deal.closeDate), contractStart: atOrNull(view.deal.contractStart) }
      : null,
    policySteps: view.policySteps.map((step) => ({ ...step, completedAt: atOrNull(step.completedAt) })),
    meetings: view.meetings.map((meeting) => ({ ...meeting, startsAt: at(meeting.startsAt) })),
    documents: view.documents.map((document) => ({ ...document, createdAt: at(document.createdAt) })),
    emails: view.emails.map((email) => ({ ...email, sentAt: atOrNull(email.sentAt) })),
    milestones: view.milestones.map((milestone) => ({ ...milestone, dueDate: at(milestone.dueDate) })),
  };
}
