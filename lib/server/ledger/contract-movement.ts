import "server-only";
import type { Tx } from "@/lib/db";
import type { DealType } from "@/lib/generated/prisma/enums";
import { refuseLedgerBreach } from "@/lib/server/ledger/ledger-error";

// ARR comes from contracts (SPEC "The revenue ledger"): a won new-business deal is a NEW movement, a won expansion an
// EXPANSION, of the deal's ARR, dated at its contract start. One per deal — "contractDealId" is unique — whether the
// closed-won flow writes it or billing's arr_movements.csv brought it first (a row naming the deal).

export interface ContractDeal {
  id: string;
  accountId: string;
  type: DealType;
  amountCents: bigint;
  closeDate: Date;
  contractStart: Date | null;
}

export function contractMovementType(type: DealType): "NEW" | "EXPANSION" | null {
  return type === "NEW" ? "NEW" : type === "EXPANSION" ? "EXPANSION" : null;
}

/** Writes the deal's contract movement unless it has one; returns whether it wrote it. */
export async function writeContractMovement(tx: Tx, deal: ContractDeal): Promise<boolean> {
  const type = contractMovementType(deal.type);
  if (!type) return false;
  const existing = await tx.arrMovement.findUnique({ where: { contractDealId: deal.id }, select: { id: true } });
  if (existing) return false;
  await refuseLedgerBreach(() =>
    tx.arrMovement.create({
      data: {
        accountId: deal.accountId,
        date: deal.contractStart ?? deal.closeDate,
        type,
        amountCents: deal.amountCents,
        sourceDealId: deal.id,
        contractDealId: deal.id,
      },
      select: { id: true },
    }),
  );
  return true;
}
