import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// Reads back the e-mails the mailer captured as .eml files (tests run without SMTP_URL), with each MIME part's
// body decoded, so a test can check recipients, the text and an attached invitation.

export interface CapturedMail {
  file: string;
  headers: string;
  /** Decoded bodies of every part, with their content types. */
  parts: { contentType: string; body: string }[];
}

function decodePart(raw: string): { contentType: string; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : "";
  const contentType = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.trim() ?? "text/plain";
  const encoding = /content-transfer-encoding:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim().toLowerCase();
  if (encoding === "base64") return { contentType, body: Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") };
  if (encoding === "quoted-printable") {
    const text = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return { contentType, body: Buffer.from(text, "latin1").toString("utf8") };
  }
  return { contentType, body };
}

export async function capturedMails(): Promise<CapturedMail[]> {
  const directory = process.env.MAIL_CAPTURE_DIR ?? "";
  const files = (await readdir(directory).catch(() => [] as string[])).filter((file) => file.endsWith(".eml")).sort();
  const mails: CapturedMail[] = [];
  for (const file of files) {
    const raw = await readFile(path.join(directory, file), "utf8");
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
    const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
    const chunks = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw.slice(raw.indexOf("\r\n\r\n") + 4)];
    mails.push({ file, headers, parts: chunks.map((chunk) => decodePart(boundary ? chunk.replace(/^\r\n/, "") : `\r\n\r\n${chunk}`)) });
  }
  return mails;
}

/** Captured mails whose decoded text contains `fragment`. */
export async function mailsContaining(fragment: string): Promise<CapturedMail[]> {
  return (await capturedMails()).filter((mail) => mail.parts.some((part) => part.body.includes(fragment)));
}
