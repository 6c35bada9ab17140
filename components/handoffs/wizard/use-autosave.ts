"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveChecklistAction } from "@/components/handoffs/actions";
import type { ChecklistDraft } from "@/lib/handoff/checklist";

export type SaveState =
  // "pending": changed in the form, not sent yet (the short pause before a save).
  | { kind: "idle" | "pending" | "saving" | "saved" }
  | { kind: "offline"; message: string }
  | { kind: "stale"; version: number; checklist: ChecklistDraft }
  | { kind: "error"; message: string };

const DEBOUNCE_MS = 500;
const RETRY_MS = 3_000;
const storageKey = (handoffId: string) => `baton:handoff:${handoffId}`;

interface LocalCopy {
  baseVersion: number;
  checklist: ChecklistDraft;
}

/** A copy kept in this browser until the server confirms it, so a crash or lost connection loses nothing. */
export function readLocalCopy(handoffId: string, serverVersion: number): ChecklistDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(handoffId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    // Only a copy made on top of what the server still has is restored; anything older would overwrite newer work.
    return copy.baseVersion === serverVersion ? copy.checklist : null;
  } catch {
    return null;
  }
}

/**
 * Saves the checklist shortly after every change. Each save names the version it edited; when another tab
 * saved first the server refuses, and the newer version is offered instead of being overwritten.
 */
export function useAutosave(handoffId: string, initialVersion: number, enabled: boolean) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(initialVersion);
  const pending = useRef<ChecklistDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);

  const schedule = useRef<(ms: number) => void>(() => {});

  const flush = useCallback(async (): Promise<boolean> => {
    if (!pending.current) return true;
    if (inFlight.current) return false;
    const checklist = pending.current;
    pending.current = null;
    inFlight.current = true;
    setState({ kind: "saving" });
    try {
      const result = await saveChecklistAction({ handoffId, version: version.current, checklist });
      if (!result.ok) {
        setState({ kind: "error", message: result.error });
        return false;
      }
      if (result.data.status === "stale") {
        setState({ kind: "stale", version: result.data.version, checklist: result.data.checklist });
        return false;
      }
      version.current = result.data.version;
      if (!pending.current) window.localStorage.removeItem(storageKey(handoffId));
      // A change made while this save was on its way is still unsent.
      setState({ kind: pending.current ? "pending" : "saved" });
      return true;
    } catch {
      // The server is unreachable (restarting, offline): keep the change and try again.
      pending.current ??= checklist;
      setState({ kind: "offline", message: "Not saved yet: the server did not answer. Your changes are kept in this browser and will be saved when it is back." });
      schedule.current(RETRY_MS);
      return false;
    } finally {
      inFlight.current = false;
      if (pending.current && !timer.current) schedule.current(DEBOUNCE_MS);
    }
  }, [handoffId]);

  schedule.current = (ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, ms);
  };

  const queue = useCallback(
    (checklist: ChecklistDraft) => {
      if (!enabled) return;
      pending.current = checklist;
      window.localStorage.setItem(storageKey(handoffId), JSON.stringify({ baseVersion: version.current, checklist } satisfies LocalCopy));
      setState((current) => (current.kind === "stale" || current.kind === "saving" ? current : { kind: "pending" }));
      schedule.current(DEBOUNCE_MS);
    },
    [enabled, handoffId],
  );

  /** After the person chose: take the newer version (their edits are dropped) or save theirs on top of it. */
  const resolveStale = useCallback(
    (choice: "theirs" | "mine", mine: ChecklistDraft) => {
      if (state.kind !== "stale") return;
      version.current = state.version;
      if (choice === "theirs") {
        window.localStorage.removeItem(storageKey(handoffId));
        setState({ kind: "saved" });
      } else {
        pending.current = mine;
        void flush();
      }
    },
    [flush, handoffId, state],
  );

  /** Saves at once and waits (before submit); true when the server has this exact checklist. */
  const saveNow = useCallback(
    async (checklist: ChecklistDraft): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = checklist;
      while (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 50));
      return flush();
    },
    [flush],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { state, queue, resolveStale, saveNow };
}
