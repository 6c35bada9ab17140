"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveRenewalStageAction } from "@/app/(app)/renewals/actions";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { RENEWAL_STAGE_LABELS } from "@/lib/labels";
import { formatCents } from "@/lib/format";
import { dollarsToCents, moveStageSchema } from "@/lib/renewals/forms";
import { RENEWAL_STAGES } from "@/lib/renewals/stages";
import type { RenewalStage } from "@/lib/generated/prisma/enums";

/**
 * Moves one renewal to another stage; closing won asks for the renewed ARR. Validated with the server's own
 * schema before it is sent, and refused by the server for anyone but the account's CSM or a CS manager.
 */
export function StageControl({ renewalId, accountName, stage }: { renewalId: string; accountName: string; stage: RenewalStage }) {
  const router = useRouter();
  const [target, setTarget] = useState<string>("");
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const options = RENEWAL_STAGES.filter((value) => value !== stage);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { renewalId, stage: target, closedAmount: amount };
    const parsed = moveStageSchema.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a stage.");
      return;
    }
    setError(null);
    // Closing writes the revenue ledger (a renewal, or a churn when lost) and cannot be moved back: ask first.
    if (target === "CLOSED_LOST" || target === "CLOSED_WON") {
      const lost = target === "CLOSED_LOST";
      const sure = await confirm({
        title: lost ? `Close the renewal of ${accountName} as lost?` : `Close the renewal of ${accountName} as won at ${formatCents(dollarsToCents(amount))}?`,
        body: lost
          ? "The account's ARR from this contract is recorded as churned today. A closed renewal cannot be reopened."
          : "The renewed ARR is recorded and the next term's renewal opportunity is opened. A closed renewal cannot be reopened.",
        confirmLabel: lost ? "Close as lost" : "Close as won",
      });
      if (!sure) return;
    }
    const label = RENEWAL_STAGE_LABELS[target as RenewalStage];
    start(async () => {
      const result = await moveRenewalStageAction(input);
      if (!result.ok) {
        setError(result.fieldErrors?.closedAmount?.[0] ?? result.error);
        return;
      }
      setTarget("");
      setAmount("");
      router.refresh();
      toast({ message: `${accountName}: renewal moved to ${label}.` });
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-1" noValidate>
      <label className="sr-only" htmlFor={`stage-${renewalId}`}>{`Move ${accountName} to stage`}</label>
      <select id={`stage-${renewalId}`} value={target} onChange={(event) => setTarget(event.target.value)} className="rounded-md border border-slate-300 px-1 py-0.5 text-xs">
        <option value="">Move to…</option>
        {options.map((value) => (
          <option key={value} value={value}>{RENEWAL_STAGE_LABELS[value]}</option>
        ))}
      </select>
      {target === "CLOSED_WON" ? (
        <>
          <label className="sr-only" htmlFor={`amount-${renewalId}`}>{`Closed amount for ${accountName} (USD)`}</label>
          <input id={`amount-${renewalId}`} value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" placeholder="Renewed ARR $" className="w-28 rounded-md border border-slate-300 px-1 py-0.5 text-xs" />
        </>
      ) : null}
      <button type="submit" disabled={pending || target === ""} aria-label={`Move ${accountName}`} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50">
        Move
      </button>
      {error ? <span role="alert" className="w-full text-xs text-red-700">{error}</span> : null}
      {dialog}
    </form>
  );
}
