import "server-only";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Writes that contend — many requests closing one deal, CRM events racing to create one account — fail in ways
// that only mean "not now": no pooled connection in time (P2028), a serialization failure or deadlock (P2034),
// a unique key another transaction took a moment earlier (P2002: Account_externalId_key). Each failure rolled its
// whole transaction back, so the work is run again after a short, growing, jittered pause; the second run sees
// the other's commit (the account exists: it is updated). If it keeps failing, the caller gets a 409 to retry,
// never a 500.

const RETRYABLE_PRISMA = new Set(["P2028", "P2034", "P2002"]);
const RETRYABLE_POSTGRES = new Set(["40001", "40P01", "23505", "55P03"]);

export const CONTENTION_MESSAGE = "This record is being changed by other requests right now; try again in a moment.";

function postgresCode(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  return cause?.originalCode;
}

export function isContention(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (RETRYABLE_PRISMA.has(error.code)) return true;
  const code = postgresCode(error);
  return code !== undefined && RETRYABLE_POSTGRES.has(code);
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` (one whole transaction, or an idempotent sequence of them) again while it fails by contention. */
export async function retryOnContention<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const base = options.baseDelayMs ?? 50;
  const max = options.maxDelayMs ?? 2000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isContention(error)) throw error;
      if (attempt >= attempts) throw new AppError("CONFLICT", CONTENTION_MESSAGE);
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
    }
  }
}
