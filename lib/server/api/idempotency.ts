import "server-only";
import { createHash } from "node:crypto";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Idempotency-Key: the key is claimed in the same transaction as the work, so a concurrent request with the
// same key waits for the first to commit and then replays its stored response; if the first fails, nothing
// is stored and a retry runs afresh.

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** Key order does not matter: {"a":1,"b":2} and {"b":2,"a":1} are the same request. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${stableJson(body)}`).digest("hex");
}

export async function withIdempotency(
  key: string,
  hash: string,
  work: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "IdempotencyKey" ("key", "requestHash", "statusCode", "responseBody")
        VALUES (${key}, ${hash}, 0, '{}'::jsonb)
        ON CONFLICT ("key") DO NOTHING
        RETURNING "key"`;
      if (claimed.length === 0) {
        const stored = await tx.idempotencyKey.findUniqueOrThrow({ where: { key } });
        if (stored.requestHash !== hash) {
          throw new AppError("VALIDATION", "This Idempotency-Key was already used with a different request.", {
            "Idempotency-Key": ["was used with a different body; use a new key for a new request"],
          });
        }
        return { status: stored.statusCode, body: stored.responseBody, replayed: true };
      }
      const result = await work(tx);
      await tx.idempotencyKey.update({
        where: { key },
        data: { statusCode: result.status, responseBody: result.body as Prisma.InputJsonValue },
        select: { key: true },
      });
      return { ...result, replayed: false };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
