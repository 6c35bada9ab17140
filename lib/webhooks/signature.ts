import { createHmac, timingSafeEqual } from "node:crypto";

// CRM webhook signatures, in the style of Stripe's: the header `X-Baton-Signature: t=<unix seconds>,v1=<hex>`
// where v1 = HMAC-SHA256(secret, `${t}.${rawBody}`). The timestamp is signed too, so an old delivery cannot
// be replayed with a fresh one; deliveries more than 5 minutes from now are refused. Several v1 values may be
// sent while a secret is rotated; one match is enough.

export const SIGNATURE_HEADER = "x-baton-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function signatureFor(secret: string, rawBody: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header value a sender puts on a delivery (also used by tests and the README's example). */
export function signatureHeader(secret: string, rawBody: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${signatureFor(secret, rawBody, timestamp)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

export function verifySignature(header: string | null, rawBody: string, secret: string, now = new Date()): SignatureCheck {
  if (!header) return { ok: false, reason: `The ${SIGNATURE_HEADER} header is missing.` };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2);
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: `The ${SIGNATURE_HEADER} header must read t=<unix seconds>,v1=<hex>.` };
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: "The signature's timestamp is more than 5 minutes from now: refused as a possible replay." };
  }
  const expected = Buffer.from(signatureFor(secret, rawBody, timestamp), "hex");
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "The signature does not match the body." };
}
