import { describe, expect, it } from "vitest";
import { signatureFor, signatureHeader, verifySignature } from "@/lib/webhooks/signature";

const SECRET = "a-shared-secret-for-tests";
const BODY = '{"id":"evt-1","type":"deal.closed_won"}';
const NOW = new Date("2026-11-20T15:00:00Z");
const T = Math.floor(NOW.getTime() / 1000);

describe("CRM webhook signatures", () => {
  it("signs `${t}.${body}` with HMAC-SHA256", () => {
    // Reference value computed independently: echo -n "<t>.<body>" | openssl dgst -sha256 -hmac <secret>
    expect(signatureFor(SECRET, BODY, 1_700_000_000)).toBe("035e7a85784a3af0593eb1e76d69f68370f0201477b560938a5b58d0186ec886");
    expect(signatureHeader(SECRET, BODY, T)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it("accepts a fresh, matching signature and any one of several v1 values", () => {
    expect(verifySignature(signatureHeader(SECRET, BODY, T), BODY, SECRET, NOW)).toEqual({ ok: true, timestamp: T });
    const rotated = `t=${T},v1=${"0".repeat(64)},v1=${signatureFor(SECRET, BODY, T)}`;
    expect(verifySignature(rotated, BODY, SECRET, NOW).ok).toBe(true);
  });

  it("refuses a missing or malformed header, another body or secret, and a timestamp over 5 minutes away", () => {
    expect(verifySignature(null, BODY, SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining("missing") });
    expect(verifySignature("v1=abc", BODY, SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining("must read") });
    expect(verifySignature(signatureHeader(SECRET, BODY, T), `${BODY} `, SECRET, NOW)).toMatchObject({ ok: false, reason: "The signature does not match the body." });
    expect(verifySignature(signatureHeader("other-secret-value", BODY, T), BODY, SECRET, NOW).ok).toBe(false);
    expect(verifySignature(signatureHeader(SECRET, BODY, T - 300), BODY, SECRET, NOW).ok).toBe(true);
    expect(verifySignature(signatureHeader(SECRET, BODY, T - 301), BODY, SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining("5 minutes") });
    expect(verifySignature(signatureHeader(SECRET, BODY, T + 301), BODY, SECRET, NOW).ok).toBe(false);
  });
});
