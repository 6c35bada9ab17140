"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { SEARCH_MIN_LENGTH } from "@/lib/search/query";
import type { SearchGroup, SearchHit, SearchResults } from "@/lib/server/search/global-search";

// The header's search, keyboard first: ⌘K / Ctrl+K (or the button) opens it, typing searches as you go, ↑ ↓ choose,
// Enter opens the chosen record (or every result when none is chosen), Escape closes. Results come from
// /api/search, which scopes them to what the signed-in person may see.

const DEBOUNCE_MS = 150;

type State =
  | { phase: "idle" }
  | { phase: "loading" }
  | { phase: "done"; results: SearchResults }
  | { phase: "error"; message: string };

function statusText(query: string, state: State, count: number): string {
  if (query.trim().length < SEARCH_MIN_LENGTH) return `Type at least ${SEARCH_MIN_LENGTH} characters to search accounts, deals, handoffs, contacts and people.`;
  if (state.phase === "loading") return "Searching…";
  if (state.phase === "error") return state.message;
  if (state.phase === "done") return count === 0 ? `Nothing you can see matches “${state.results.query}”.` : `${count} ${count === 1 ? "result" : "results"}. Use ↑ and ↓ to choose, Enter to open.`;
  return "";
}

function useSearch(query: string): State {
  const [state, setState] = useState<State>({ phase: "idle" });
  useEffect(() => {
    const q = query.trim();
    if (q.length < SEARCH_MIN_LENGTH) {
      setState({ phase: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ phase: "loading" });
      try {
        const response = await fetch(`/api/search?${new URLSearchParams({ q })}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        const body = (await response.json()) as SearchResults | { message?: string };
        if (!response.ok || !("groups" in body)) {
          setState({ phase: "error", message: ("message" in body && body.message) || "Search failed. Please try again." });
          return;
        }
        setState({ phase: "done", results: body });
      } catch (error) {
        if (!controller.signal.aborted) setState({ phase: "error", message: error instanceof Error ? "Search failed. Please try again." : String(error) });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return state;
}

function ResultGroup({ group, optionId, active, onChoose }: { group: SearchGroup; optionId: (hit: SearchHit) => string; active: string | null; onChoose: () => void }) {
  const headingId = `${optionId(group.hits[0]!)}-group`;
  return (
    <div role="group" aria-labelledby={headingId} className="py-1">
      <div id={headingId} role="presentation" className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
        {group.label}
      </div>
      {group.hits.map((hit) => {
        const id = optionId(hit);
        return (
          <Link
            key={id}
            id={id}
            href={hit.href}
            prefetch={false}
            role="option"
            aria-selected={active === id}
            tabIndex={-1}
            onClick={onChoose}
            className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 aria-selected:bg-brand-50 aria-selected:ring-2 aria-selected:ring-brand-600"
          >
            <span className="block font-medium text-slate-900">{hit.title}</span>
            <span className="block text-xs text-slate-600">{hit.detail}</span>
          </Link>
        );
      })}
    </div>
  );
}

function SearchDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const base = useId().replace(/:/g, "");
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(-1);
  const state = useSearch(query);

  const groups = useMemo(() => (state.phase === "done" ? state.results.groups : []), [state]);
  const hits = useMemo(() => groups.flatMap((group) => group.hits), [groups]);
  const optionId = useCallback((hit: SearchHit) => `${base}-${hit.kind}-${hit.id}`, [base]);
  const active = activeIndex >= 0 && activeIndex < hits.length ? optionId(hits[activeIndex]!) : null;

  useEffect(() => {
    dialog.current?.showModal();
    input.current?.focus();
  }, []);
  useEffect(() => setActiveIndex(-1), [groups]);
  useEffect(() => {
    if (active) document.getElementById(active)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const allResults = `/search?${new URLSearchParams({ q: query.trim() })}`;
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the input itself: moving past either end comes back to it.
      setActiveIndex((index) => {
        const next = index + step;
        if (next < -1) return hits.length - 1;
        return next >= hits.length ? -1 : next;
      });
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[activeIndex];
      if (hit) router.push(hit.href);
      else if (query.trim().length >= SEARCH_MIN_LENGTH) router.push(allResults);
      else return;
      onClose();
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Search Baton"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === dialog.current) onClose();
      }}
      className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-1.5rem))] rounded-lg bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50"
    >
      <div role="search" className="border-b border-slate-200 p-3">
        <label htmlFor={`${base}-input`} className="sr-only">Search accounts, deals, handoffs, contacts and people</label>
        <input
          ref={input}
          id={`${base}-input`}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${base}-results`}
          aria-autocomplete="list"
          aria-activedescendant={active ?? undefined}
          aria-describedby={`${base}-status`}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search accounts, deals, handoffs, contacts, people…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
      </div>
      <p id={`${base}-status`} role="status" className="px-4 py-2 text-sm text-slate-600">
        {statusText(query, state, hits.length)}
      </p>
      <div id={`${base}-results`} role="listbox" aria-label="Search results" className="max-h-[60vh] overflow-y-auto px-1 pb-2">
        {groups.map((group) => (
          <ResultGroup key={group.kind} group={group} optionId={optionId} active={active} onChoose={onClose} />
        ))}
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
        {query.trim().length >= SEARCH_MIN_LENGTH ? (
          <Link href={allResults} prefetch={false} onClick={onClose} className="text-brand-700 underline">
            See all results for “{query.trim()}”
          </Link>
        ) : (
          <span />
        )}
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100">
          Close <span aria-hidden>(Esc)</span>
        </button>
      </div>
    </dialog>
  );
}

/** The header button and the ⌘K / Ctrl+K shortcut. */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  const [mac, setMac] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Meta+K Control+K"
        onClick={() => setOpen(true)}
        className="flex h-9 items-center gap-2 rounded-md bg-white/10 px-2 text-sm text-white hover:bg-brand-700 sm:px-3"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd aria-hidden className="hidden rounded border border-white/40 px-1.5 font-sans text-xs lg:inline">{mac ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      {open ? <SearchDialog onClose={close} /> : null}
    </>
  );
}
