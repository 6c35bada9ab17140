import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/server/jobs/enqueue";

// One alert = its in-app notifications and (optionally) its e-mail, written in the caller's transaction under
// one deterministic key. The key is unique in the database (Notification.dedupeKey, EmailMessage.dedupeKey),
// and rows are inserted with ON CONFLICT DO NOTHING, so a second run — a retry, a restarted worker, two
// workers at once — writes nothing: the second insert waits for the first transaction and then skips.
// The e-mail is not sent here: its delivery job is enqueued in the same transaction, so a rollback never mails.

export interface AlertNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

export interface AlertEmail {
  kind: EmailKind;
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  accountId?: string | null;
  handoffId?: string | null;
  sentById?: string | null;
}

export interface AlertInput {
  /** Names the alert, e.g. `renewal-alert:<renewalId>:90`. Each notification adds `:<userId>`. */
  key: string;
  notifications: AlertNotification[];
  email?: AlertEmail;
  now: Date;
}

export interface AlertResult {
  /** False when the alert had already been recorded: nothing was written. */
  created: boolean;
  emailId: string | null;
  notifications: number;
}

const unique = (emails: readonly string[]) => [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];

export async function recordAlert(tx: Tx, input: AlertInput): Promise<AlertResult> {
  let emailId: string | null = null;
  if (input.email && input.email.to.length > 0) {
    const to = unique(input.email.to);
    const cc = unique(input.email.cc ?? []).filter((email) => !to.includes(email));
    const [email] = await tx.emailMessage.createManyAndReturn({
      data: [
        {
          kind: input.email.kind,
          accountId: input.email.accountId ?? null,
          handoffId: input.email.handoffId ?? null,
          sentById: input.email.sentById ?? null,
          fromEmail: env().MAIL_FROM,
          toEmails: to,
          ccEmails: cc,
          subject: input.email.subject,
          body: input.email.body,
          dedupeKey: input.key,
          createdAt: input.now,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    // The e-mail and the notifications are written together: no e-mail row means the alert exists already.
    if (!email) return { created: false, emailId: null, notifications: 0 };
    emailId = email.id;
  }
  const seen = new Set<string>();
  const rows = input.notifications
    .filter((n) => !seen.has(n.userId) && seen.add(n.userId))
    .map((n) => ({ userId: n.userId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link ?? null, dedupeKey: `${input.key}:${n.userId}`, createdAt: input.now }));
  const written = rows.length > 0 ? (await tx.notification.createMany({ data: rows, skipDuplicates: true })).count : 0;
  if (emailId) await enqueueJob("deliver-email", { emailId }, { tx });
  return { created: emailId !== null || written > 0, emailId, notifications: written };
}
