import type { ArrMovementType, RenewalStage } from "@/lib/generated/prisma/enums";

// The renewal pipeline's stages (SPEC "Renewal opportunity", issue 5): renewal_pending → planning →
// negotiation → committed → closed won / closed lost, and the ARR movements a closed renewal writes.

export const RENEWAL_STAGES: readonly RenewalStage[] = ["RENEWAL_PENDING", "PLANNING", "NEGOTIATION", "COMMITTED", "CLOSED_WON", "CLOSED_LOST"];
export const OPEN_RENEWAL_STAGES: readonly RenewalStage[] = ["RENEWAL_PENDING", "PLANNING", "NEGOTIATION", "COMMITTED"];
export const CLOSED_RENEWAL_STAGES: readonly RenewalStage[] = ["CLOSED_WON", "CLOSED_LOST"];

export function isClosedStage(stage: RenewalStage): boolean {
  return CLOSED_RENEWAL_STAGES.includes(stage);
}

/**
 * Why a move is refused, or null when it is allowed. An open renewal may move to any other open stage —
 * forward as the renewal progresses, back when a deal slips (committed → negotiation) — and may close won or
 * lost from any open stage, because customers sign early and churn without warning. A closed renewal is
 * final: its ARR movements are written, and reopening would have to undo them.
 */
export function stageMoveError(from: RenewalStage, to: RenewalStage): string | null {
  if (from === to) return "The renewal is already in this stage.";
  if (isClosedStage(from)) return "This renewal is closed; its outcome and ARR movements are final.";
  return null;
}

export interface ClosingInput {
  outcome: "CLOSED_WON" | "CLOSED_LOST";
  /** The ARR of the contract up for renewal: the renewal opportunity's amount (the sum, for co-termed ones). */
  contractArrCents: bigint;
  /** The renewed ARR agreed with the customer (P); required when won. */
  closedAmountCents: bigint | null;
  /** The account's ARR on the renewal date: its movements dated on or before it. */
  accountArrCents: bigint;
  /** Whether the account keeps another contract (an open renewal of its own) after this one. */
  otherContracts: boolean;
}

export interface ClosingMovement {
  type: ArrMovementType;
  amountCents: bigint;
}

export interface ClosingResult {
  movements: ClosingMovement[];
  /** What the account's ARR changes by on the renewal date; the movements sum to it (RENEWAL leaves ARR unchanged). */
  arrDeltaCents: bigint;
  /** ARR is lost (churn, a lost contract, a downsell): the close needs a reason code and whether it was addressable. */
  needsReason: boolean;
}

/**
 * The ARR movements of a closed renewal (SPEC "The revenue ledger"), dated on the renewal date.
 * - Won at P: the contract's ARR becomes exactly P — a RENEWAL at P, plus an EXPANSION or a CONTRACTION of the
 *   difference. The contract's ARR before is the account's ARR when it is the account's only contract (so any
 *   change billing recorded during the term is counted), else the renewal opportunity's amount.
 * - Lost: a CHURN of the account's ARR (to exactly zero); when the account keeps another contract, a CONTRACTION
 *   of this contract's ARR instead, because the customer stays.
 */
export function closingMovements(input: ClosingInput): ClosingResult {
  const { accountArrCents: arr } = input;
  const contract = input.otherContracts ? input.contractArrCents : arr;
  if (input.outcome === "CLOSED_LOST") {
    if (arr <= 0n) return { movements: [], arrDeltaCents: 0n, needsReason: true };
    if (input.otherContracts && contract < arr) {
      return { movements: [{ type: "CONTRACTION", amountCents: contract }], arrDeltaCents: -contract, needsReason: true };
    }
    return { movements: [{ type: "CHURN", amountCents: arr }], arrDeltaCents: -arr, needsReason: true };
  }
  const closed = input.closedAmountCents;
  if (closed === null || closed <= 0n) throw new Error("A won renewal needs the closed amount.");
  const movements: ClosingMovement[] = [{ type: "RENEWAL", amountCents: closed }];
  const delta = closed - contract;
  if (delta > 0n) movements.push({ type: "EXPANSION", amountCents: delta });
  if (delta < 0n) movements.push({ type: "CONTRACTION", amountCents: -delta });
  return { movements, arrDeltaCents: delta, needsReason: delta < 0n };
}

/** The movement types that lose ARR and carry the reason. */
export const LOSS_MOVEMENT_TYPES: readonly ArrMovementType[] = ["CHURN", "CONTRACTION"];
