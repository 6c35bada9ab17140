"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

// Feedback where the eye is: a one-click action (revoke, deactivate, move a stage, approve) confirms itself in a
// message pinned to the bottom of the viewport, wherever the page is scrolled, with an undo when undoing is safe.
// The list is a polite live region, so screen readers hear the message without losing their place.

export interface ToastInput {
  message: string;
  /** An undo or follow-up; it runs once and the toast closes. */
  action?: { label: string; run: () => Promise<void> | void };
}

interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const SHOW_MS = 6_000;
const SHOW_WITH_ACTION_MS = 10_000;

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a <ToastProvider> above it");
  return show;
}

function ToastItem({ toast, close }: { toast: Toast; close: (id: number) => void }) {
  const onClose = useCallback(() => close(toast.id), [close, toast.id]);
  const [busy, setBusy] = useState(false);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused || busy) return;
    const timer = setTimeout(onClose, toast.action ? SHOW_WITH_ACTION_MS : SHOW_MS);
    return () => clearTimeout(timer);
  }, [paused, busy, toast.action, onClose]);
  return (
    <li
      className="focus-on-dark pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="flex-1">{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          disabled={busy}
          className="rounded-md border border-white/40 px-2 py-1 font-medium hover:bg-white/10"
          onClick={async () => {
            setBusy(true);
            try {
              await toast.action?.run();
            } finally {
              onClose();
            }
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss message" className="rounded-md px-2 py-1 hover:bg-white/10" onClick={onClose}>
        <span aria-hidden>×</span>
      </button>
    </li>
  );
}

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((toast: ToastInput) => {
    const id = next.current++;
    // The newest three; an older message has been read or replaced by now.
    setToasts((current) => [...current.slice(-2), { ...toast, id }]);
  }, []);
  const close = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <section aria-label="Messages" aria-live="polite" className="no-print pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
        <ol className="flex w-full max-w-md flex-col gap-2">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} close={close} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}
