import "server-only";
import { isChampion } from "@/lib/handoff/champion";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checklistDraftSchema } from "@/lib/handoff/checklist";
import { formatDateTime } from "@/lib/format";
import { introductionSchema, handoffIdField } from "@/lib/handoff/forms";
import { DEFAULT_INTRODUCTION_TEMPLATE, renderTemplate, type MergeValues } from "@/lib/handoff/template";
import type { ActingUser } from "@/lib/server/authz";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { completePolicyStep } from "@/lib/server/handoffs/policy/complete-step";
import { sendMail } from "@/lib/server/mail/mailer";
import { getSettings } from "@/lib/server/settings/get-settings";

export const TEMPLATE_KEY = "client_introduction";

export const sendIntroductionInput = introductionSchema.extend(handoffIdField);

/** What the introduction's merge fields are filled from (the wizard page has it loaded already). */
export interface IntroductionSource {
  accountName: string;
  csm: { name: string; email: string } | null;
  champion: { name: string; email: string } | null;
  kickoffAt: Date | null;
  ae: { name: string; email: string } | null;
}

/** The template and the values its merge fields take for this handoff (also used to prefill the form). */
export async function introductionDraft(tx: Tx, handoffId: string) {
  const handoff = await tx.handoff.findUniqueOrThrow({
    where: { id: handoffId },
    select: {
      checklist: true,
      account: {
        select: {
          name: true,
          csm: { select: { name: true, email: true } },
          contacts: { where: { role: "CHAMPION" }, orderBy: { createdAt: "asc" }, take: 1, select: { name: true, email: true } },
          meetings: { where: { kind: "KICKOFF" }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
        },
      },
      deal: { select: { owner: { select: { name: true, email: true } } } },
    },
  });
  const { account } = handoff;
  const source: IntroductionSource = {
    accountName: account.name,
    csm: account.csm,
    champion: championOf(account.contacts[0] ?? null, handoff.checklist),
    kickoffAt: account.meetings[0]?.startsAt ?? null,
    ae: handoff.deal?.owner ?? null,
  };
  const [template, settings] = await Promise.all([introductionTemplate(tx), getSettings(tx)]);
  return buildIntroductionDraft(source, template, settings.calendar.timezone);
}

export async function introductionTemplate(tx: Tx = prisma): Promise<{ subject: string; body: string }> {
  const template = await tx.emailTemplate.findUnique({ where: { key: TEMPLATE_KEY } });
  return template ?? { subject: DEFAULT_INTRODUCTION_TEMPLATE.subject, body: DEFAULT_INTRODUCTION_TEMPLATE.body };
}

/** The account's champion, or — before the checklist is submitted — the champion listed in the wizard's stakeholders. */
export function championOf(stored: { name: string; email: string } | null, checklist: unknown): { name: string; email: string } | null {
  if (stored) return stored;
  const listed = checklistDraftSchema.catch({}).parse(checklist).stakeholders?.contacts?.find((c) => isChampion(c) && c.name && c.email);
  return listed ? { name: listed.name!, email: listed.email! } : null;
}

export function buildIntroductionDraft(source: IntroductionSource, template: { subject: string; body: string }, timezone: string) {
  const firstName = source.champion?.name.trim().split(/\s+/)[0] ?? "there";
  const values: MergeValues = {
    "account.name": source.accountName,
    "contact.firstName": firstName,
    "contact.name": firstName,
    "contact.fullName": source.champion?.name.trim() ?? "there",
    "csm.name": source.csm?.name ?? "",
    "csm.email": source.csm?.email ?? "",
    "ae.name": source.ae?.name ?? "",
    "ae.email": source.ae?.email ?? "",
    "kickoff.date": source.kickoffAt ? formatDateTime(source.kickoffAt, timezone) : "a date we'll agree together",
  };
  return { csm: source.csm, defaultTo: source.champion?.email ?? "", template: { subject: template.subject, body: template.body }, values };
}

/**
 * Step 2 of the 72-hour rule: the AE introduces the assigned CSM from the handoff e-mail template. Sendable
 * only once a CSM is assigned; the CSM is in cc, and the sent e-mail is stored on the account.
 */
export async function sendClientIntroduction(actor: ActingUser, input: z.infer<typeof sendIntroductionInput>, now = new Date()) {
  const parsed = sendIntroductionInput.parse(input);
  const to = parsed.to.split(/[\s,;]+/).filter(Boolean);
  const badAddress = to.find((address) => !z.email().safeParse(address).success);
  if (badAddress) throw new AppError("VALIDATION", `Not an e-mail address: ${badAddress}`, { to: [`Not an e-mail address: ${badAddress}`] });

  const mail = await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, parsed.handoffId);
    const access = await findVisibleHandoff(actor, parsed.handoffId, tx);
    assertOwningAe(actor, access);
    const draft = await introductionDraft(tx, access.id);
    if (!draft.csm) throw new AppError("CONFLICT", "Assign a CSM before sending the client introduction: a CS manager approves the assignment.");
    const subject = renderTemplate(parsed.subject, draft.values);
    const body = renderTemplate(parsed.body, draft.values);
    const unknown = [...subject.unknownFields, ...body.unknownFields];
    if (unknown.length > 0) {
      throw new AppError("VALIDATION", `Unknown merge field: ${unknown.map((f) => `{{${f}}}`).join(", ")}`, { body: ["Fix the unknown merge fields"] });
    }
    const message = {
      fromEmail: actor.email,
      toEmails: to,
      ccEmails: [draft.csm.email],
      subject: subject.text,
      body: body.text,
    };
    const stored = await tx.emailMessage.create({
      data: { kind: "CLIENT_INTRODUCTION", accountId: access.accountId, handoffId: access.id, sentById: actor.id, sentAt: now, ...message },
      select: { id: true },
    });
    await completePolicyStep(tx, { handoffId: access.id, step: "CLIENT_INTRODUCTION", actorId: actor.id, data: { emailId: stored.id }, now });
    return message;
  });
  // Sent after the commit, so a rolled-back step never e-mails a customer.
  await sendMail({ from: mail.fromEmail, to: mail.toEmails, cc: mail.ccEmails, subject: mail.subject, text: mail.body });
}
