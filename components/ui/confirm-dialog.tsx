"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// Destructive or irreversible actions ask first, in a modal dialog that names what will happen. The native
// <dialog> keeps focus inside while open, closes on Escape, and gives focus back to the button that opened it.

export interface ConfirmOptions {
  title: string;
  body: React.ReactNode;
  /** The verb on the confirming button, e.g. "Revoke token": never a bare "OK". */
  confirmLabel: string;
  tone?: "danger" | "primary";
}

function ConfirmDialog({ options, onClose }: { options: ConfirmOptions; onClose: (confirmed: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`confirm-${Math.random().toString(36).slice(2)}`).current;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold">{options.title}</h2>
        <div id={`${titleId}-body`} className="text-sm text-slate-700">{options.body}</div>
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          {/* Cancel is focused first: Enter on a reflex keeps things as they are. */}
          <Button variant="secondary" autoFocus onClick={() => onClose(false)}>Cancel</Button>
          <Button variant={options.tone === "primary" ? "primary" : "danger"} onClick={() => onClose(true)}>{options.confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * `const { confirm, dialog } = useConfirm()`: render `dialog`, then `if (await confirm({...}))` before acting.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: React.ReactNode } {
  const [state, setState] = useState<{ options: ConfirmOptions; resolve: (value: boolean) => void } | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setState({ options, resolve })), []);
  const dialog = state ? (
    <ConfirmDialog
      options={state.options}
      onClose={(confirmed) => {
        state.resolve(confirmed);
        setState(null);
      }}
    />
  ) : null;
  return { confirm, dialog };
}
