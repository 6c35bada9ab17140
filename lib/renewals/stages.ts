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
  /** The ARR up for renewal (the renewal opportunity's amount). */
  renewalAmountCents: bigint;
  /** The renewed ARR agreed with the customer; required when won. */
  closedAmountCents: bigint | null;
  /** The account's ARR now, the sum of its movements. */
  accountArrCents: bigint;
  /** Whether the account has other open renewals (another contract that keeps running). */
  otherOpenRenewals: boolean;
}

export interface ClosingMovement {
  type: ArrMovementType;
  amountCents: bigint;
}

export interface ClosingResult {
  movements: ClosingMovement[];
  /** What the account's ARR changes by; the movements sum to it (RENEWAL leaves ARR unchanged). */
  arrDeltaCents: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * The ARR movements of a closed renewal, in the terms of the arr_movements import (SPEC): `renewal` records
 * the renewed ARR at unchanged price, and a price change at renewal is an expansion or a contraction.
 * - Won at the same amount: RENEWAL of the amount.
 * - Won higher: RENEWAL of the old amount + EXPANSION of the difference (the upsell is new revenue).
 * - Won lower: RENEWAL of the new amount + CONTRACTION of the difference (never more than the account has).
 * - Lost: CHURN of the account's current ARR — the customer is gone. When the account has another open
 *   renewal (a second contract still running), losing this one is a CONTRACTION of its amount instead,
 *   because the customer stays and churn means ARR to zero.
 */
export function closingMovements(input: ClosingInput): ClosingResult {
  const { renewalAmountCents: old, accountArrCents: arr } = input;
  if (input.outcome === "CLOSED_LOST") {
    if (arr <= 0n) return { movements: [], arrDeltaCents: 0n };
    if (input.otherOpenRenewals && old < arr) {
      return { movements: [{ type: "CONTRACTION", amountCents: old }], arrDeltaCents: -old };
    }
    return { movements: [{ type: "CHURN", amountCents: arr }], arrDeltaCents: -arr };
  }
  const closed = input.closedAmountCents;
  if (closed === null || closed <= 0n) throw new Error("A won renewal needs the closed amount.");
  const movements: ClosingMovement[] = [{ type: "RENEWAL", amountCents: min(old, closed) }];
  if (closed > old) {
    movements.push({ type: "EXPANSION", amountCents: closed - old });
    return { movements, arrDeltaCents: closed - old };
  }
  if (closed < old) {
    const contraction = min(old - closed, arr > 0n ? arr : 0n);
    if (contraction > 0n) movements.push({ type: "CONTRACTION", amountCents: contraction });
    return { movements, arrDeltaCents: -contraction };
  }
  return { movements, arrDeltaCents: 0n };
}
