import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export interface OutgoingMail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

let transport: Transporter | undefined;

// SMTP when SMTP_URL is set; otherwise each message is written as an .eml file to MAIL_CAPTURE_DIR,
// a local capture that development and tests can read back.
function getTransport(): Transporter {
  if (transport) return transport;
  const { SMTP_URL } = env();
  transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : nodemailer.createTransport({ streamTransport: true, buffer: true });
  return transport;
}

export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const info = await getTransport().sendMail({ ...mail, from: mail.from || env().MAIL_FROM });
  if (!env().SMTP_URL && Buffer.isBuffer(info.message)) {
    const directory = path.resolve(env().MAIL_CAPTURE_DIR);
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${Date.now()}-${info.messageId.replace(/[^\w.-]/g, "")}.eml`);
    await writeFile(file, info.message);
    logger.info({ file, to: mail.to, subject: mail.subject }, "mail captured");
  }
  return { messageId: info.messageId };
}
