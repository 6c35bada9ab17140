"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveRenewalStageAction } from "@/components/renewals/actions";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { RENEWAL_STAGE_LABELS } from "@/lib/labels";
import { dollarsToCents, isDollars, moveStageSchema } from "@/lib/renewals/forms";
import { RENEWAL_STAGES } from "@/lib/renewals/stages";
import type { RenewalStage } from "@/lib/generated/prisma/enums";
import { formatCents } from "@/lib/format";

export interface StageControlProps {
  renewalId: string;
  accountName: string;
  stage: RenewalStage;
  /** The ARR up for renewal, in cents as text (a downsell below it needs a reason). */
  amountCents: string;
  termMonths: number;
  /** The rule settings' reasons ARR is lost. */
  lossReasons: string[];
}

const input = "rounded-md border border-slate-300 px-1 py-0.5 text-xs";

/**
 * Moves one renewal to another stage. Closing asks what the ledger needs — won: the renewed ARR and term; lost or
 * downsold: why, and whether it was addressable — then asks to confirm, because a closed renewal is final. Validated
 * with the server's own schema before it is sent; the server refuses anyone but the account's CSM or a CS manager.
 */
export function StageControl({ renewalId, accountName, stage, amountCents, termMonths, lossReasons }: StageControlProps) {
  const router = useRouter();
  const [target, setTarget] = useState<string>("");
  const [amount, setAmount] = useState("");
  const [term, setTerm] = useState(String(termMonths));
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [addressable, setAddressable] = useState<"" | "yes" | "no">("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const options = RENEWAL_STAGES.filter((value) => value !== stage);
  const id = (name: string) => `${name}-${renewalId}`;

  const won = target === "CLOSED_WON";
  const lost = target === "CLOSED_LOST";
  const downsell = won && isDollars(amount) && dollarsToCents(amount) < BigInt(amountCents);
  const asksReason = lost || downsell;

  const payload = () => ({
    renewalId,
    stage: target,
    closedAmount: won ? amount : "",
    ...(won && term.trim() !== "" ? { termMonths: Number(term) } : {}),
    ...(asksReason ? { reason: reason || undefined, reasonNote: note, addressable: addressable === "" ? undefined : addressable === "yes" } : {}),
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = moveStageSchema.safeParse(payload());
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a stage.");
      return;
    }
    if (downsell && (!reason || addressable === "")) {
      setError("A renewal won below its ARR is a downsell: say why, and whether it was addressable.");
      return;
    }
    setError(null);
    // Closing writes the revenue ledger and cannot be moved back: ask first, naming what will be recorded.
    if (won || lost) {
      const sure = await confirm({
        title: lost
          ? `Close the renewal of ${accountName} as lost (${reason})?`
          : `Close the renewal of ${accountName} as won at ${formatCents(dollarsToCents(amount))} for ${term} months?`,
        body: lost
          ? "The account's ARR from this contract leaves the ledger on the renewal date (a churn, or a contraction when another contract remains). A closed renewal cannot be reopened."
          : "The renewed ARR is recorded on the renewal date and the next term's renewal opportunity is opened. A closed renewal cannot be reopened.",
        confirmLabel: lost ? "Close as lost" : "Close as won",
      });
      if (!sure) return;
    }
    const label = RENEWAL_STAGE_LABELS[target as RenewalStage];
    start(async () => {
      const result = await moveRenewalStageAction(payload());
      if (!result.ok) {
        const fields = result.fieldErrors ?? {};
        setError(fields.closedAmount?.[0] ?? fields.termMonths?.[0] ?? fields.reason?.[0] ?? fields.reasonNote?.[0] ?? fields.addressable?.[0] ?? result.error);
        return;
      }
      setTarget("");
      setAmount("");
      router.refresh();
      toast({ message: won ? `${accountName}: closed won at ${formatCents(dollarsToCents(amount))}; the next term is open.` : `${accountName}: renewal moved to ${label}.` });
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-1" noValidate>
      <label className="sr-only" htmlFor={id("stage")}>{`Move ${accountName} to stage`}</label>
      <select id={id("stage")} value={target} onChange={(event) => setTarget(event.target.value)} className={input}>
        <option value="">Move to…</option>
        {options.map((value) => (
          <option key={value} value={value}>{RENEWAL_STAGE_LABELS[value]}</option>
        ))}
      </select>
      {won ? (
        <>
          <label className="sr-only" htmlFor={id("amount")}>{`Renewed ARR for ${accountName} (USD)`}</label>
          <input id={id("amount")} value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" placeholder="Renewed ARR $" className={`w-28 ${input}`} />
          <label className="sr-only" htmlFor={id("term")}>{`Renewed term for ${accountName} (months)`}</label>
          <input id={id("term")} value={term} onChange={(event) => setTerm(event.target.value)} inputMode="numeric" className={`w-12 ${input}`} title="Term in months" />
          <span className="text-xs text-slate-500">months</span>
        </>
      ) : null}
      {asksReason ? (
        <>
          <label className="sr-only" htmlFor={id("reason")}>{`Why ${accountName} ${lost ? "was lost" : "downsold"}`}</label>
          <select id={id("reason")} value={reason} onChange={(event) => setReason(event.target.value)} className={input}>
            <option value="">{lost ? "Why lost…" : "Why lower…"}</option>
            {lossReasons.map((value) => (
              <option key={value} value={value}>{value}</option>
            ))}
          </select>
          <label className="sr-only" htmlFor={id("addressable")}>{`Was the loss of ${accountName} addressable`}</label>
          <select id={id("addressable")} value={addressable} onChange={(event) => setAddressable(event.target.value as "" | "yes" | "no")} className={input}>
            <option value="">Addressable?</option>
            <option value="yes">Addressable</option>
            <option value="no">Not addressable</option>
          </select>
          {reason.toLowerCase() === "other" ? (
            <>
              <label className="sr-only" htmlFor={id("note")}>{`What the other reason was for ${accountName}`}</label>
              <input id={id("note")} value={note} onChange={(event) => setNote(event.target.value)} placeholder="What happened" className={`w-40 ${input}`} />
            </>
          ) : null}
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
