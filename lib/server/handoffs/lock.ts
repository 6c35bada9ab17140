import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Serializes writes to one handoff (submit, policy steps, acknowledgment) for the rest of the transaction. */
export async function lockHandoff(tx: Tx, handoffId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Handoff" WHERE id = ${handoffId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("The handoff");
}
