"use client";

import { useEffect, useRef, useState } from "react";
import { markClosedWonAction } from "@/components/deals/actions";
import { Button } from "@/components/ui/button";
import { CLOSE_WON_GRACE_SECONDS, contractStartError } from "@/lib/deals/close-won";

export interface CloseWonPreviewProps {
  dealId: string;
  dealName: string;
  amount: string;
  closeDate: string;
  closeDateText: string;
  contractStart: string;
  handoffDue: string;
  renewalDate: string;
}

/**
 * "Mark closed-won" asks first: a dialog with the close date Baton will record, the contract start (never
 * before the close), and what follows. Confirming starts a short countdown with Undo; only when it runs out
 * is the close sent — so nothing is written (no ledger entry to reverse) until the AE has had the chance.
 */
export function CloseWonButton(props: CloseWonPreviewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [contractStart, setContractStart] = useState(props.contractStart);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const startInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (countdown === null) return;
    if (countdown === 0) {
      setCountdown(null);
      setSending(true);
      void markClosedWonAction({ dealId: props.dealId, confirmedCloseDate: props.closeDate, contractStart }).then((result) => {
        // On success the action redirects to the handoff; only a refusal comes back here.
        setSending(false);
        if (result && !result.ok) setError(result.fieldErrors?.contractStart?.[0] ?? result.fieldErrors?.confirmedCloseDate?.[0] ?? result.error);
      });
      return;
    }
    const timer = setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown, contractStart, props.closeDate, props.dealId]);

  function confirm(event: React.FormEvent) {
    event.preventDefault();
    const problem = contractStartError(contractStart, props.closeDate);
    setFieldError(problem);
    if (problem) {
      startInput.current?.focus();
      return;
    }
    dialog.current?.close();
    setError(null);
    setCountdown(CLOSE_WON_GRACE_SECONDS);
  }

  if (countdown !== null || sending) {
    return (
      <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
        {sending ? (
          <span>Marking closed-won…</span>
        ) : (
          <>
            <span>Marking {props.dealName} closed-won in {countdown} s — nothing is saved until then.</span>
            <Button variant="secondary" onClick={() => setCountdown(null)}>Undo</Button>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-2">
      <Button onClick={() => dialog.current?.showModal()}>Mark closed-won</Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <dialog ref={dialog} aria-labelledby="close-won-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-slate-900/40">
        <form onSubmit={confirm} className="space-y-4 p-5" noValidate>
          <h2 id="close-won-title" className="text-lg font-semibold">Mark {props.dealName} closed-won?</h2>
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between gap-4"><dt className="text-slate-500">Close date</dt><dd>{props.closeDateText} (today)</dd></div>
            <div className="flex justify-between gap-4"><dt className="text-slate-500">ARR</dt><dd>{props.amount}</dd></div>
            <div className="flex justify-between gap-4"><dt className="text-slate-500">Handoff due</dt><dd>{props.handoffDue}</dd></div>
            <div className="flex justify-between gap-4"><dt className="text-slate-500">Renewal</dt><dd>{props.renewalDate}</dd></div>
          </dl>
          <div>
            <label htmlFor="close-won-contract-start" className="block text-sm font-medium text-slate-700">Contract start</label>
            <input
              ref={startInput}
              id="close-won-contract-start"
              type="date"
              min={props.closeDate}
              value={contractStart}
              onChange={(event) => setContractStart(event.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? "close-won-contract-start-error" : "close-won-contract-start-hint"}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-500"
            />
            <p id="close-won-contract-start-hint" className="text-xs text-slate-500">Empty: the contract starts on the close date. The renewal is counted from it.</p>
            {fieldError ? <p id="close-won-contract-start-error" className="mt-1 text-sm text-red-700">{fieldError}</p> : null}
          </div>
          <p className="text-sm text-slate-600">This opens the 72-hour handoff, the renewal opportunity and the touchpoints, and asks a CS manager to approve the suggested CSM.</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>Cancel</Button>
            <Button type="submit">Confirm closed-won</Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
