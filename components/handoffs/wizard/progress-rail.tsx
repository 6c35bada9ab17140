"use client";

import { useState } from "react";

import type { RailItem, RailStatus } from "@/lib/handoff/policy-steps";

const BADGE: Record<RailStatus, { text: string; className: string; icon: string }> = {
  complete: { text: "Complete", className: "bg-emerald-100 text-emerald-800", icon: "✓" },
  incomplete: { text: "Incomplete", className: "bg-amber-100 text-amber-800", icon: "○" },
  blocked: { text: "Blocked", className: "bg-slate-200 text-slate-700", icon: "■" },
  optional: { text: "Optional", className: "bg-slate-100 text-slate-600", icon: "–" },
};

/**
 * The step list. On a phone it folds behind one button that says where the person is and how far along, so
 * the form is not pushed a screen down; choosing a step folds it again (the wizard scrolls to the step).
 */
export function ProgressRail({
  groups,
  current,
  currentLabel,
  progress,
  onSelect,
}: {
  groups: { title: string; items: RailItem[] }[];
  current: string;
  currentLabel: string;
  progress: { done: number; total: number };
  onSelect: (key: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="handoff-steps"
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm lg:hidden"
      >
        <span>
          <span className="block font-medium">{currentLabel}</span>
          <span className="text-xs text-slate-500">{progress.done} of {progress.total} steps done</span>
        </span>
        <span>
          <span aria-hidden>{open ? "▲" : "▼"}</span> Steps
        </span>
      </button>
      <nav id="handoff-steps" aria-label="Handoff steps" className={`${open ? "mt-2 block" : "hidden"} space-y-4 lg:mt-0 lg:block`}>
        <p className="hidden text-sm text-slate-600 lg:block">
          <strong>{progress.done} of {progress.total}</strong> steps done
        </p>
        {groups.map((group) => (
          <div key={group.title}>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{group.title}</h2>
            <ol className="space-y-1">
              {group.items.map((item) => {
                const badge = BADGE[item.status];
                return (
                  <li key={item.key}>
                    <button
                      type="button"
                      onClick={() => {
                        setOpen(false);
                        onSelect(item.key);
                      }}
                      aria-current={current === item.key ? "step" : undefined}
                      className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100 aria-[current=step]:bg-brand-50 aria-[current=step]:ring-1 aria-[current=step]:ring-brand-600"
                    >
                      <span className="flex items-center justify-between gap-2">
                        <span>
                          <span aria-hidden className="mr-1">{badge.icon}</span>
                          {item.label}
                        </span>
                        <span className={`rounded px-1.5 py-0.5 text-xs ${badge.className}`}>{badge.text}</span>
                      </span>
                      {item.detail && item.status !== "complete" ? <span className="mt-0.5 block text-xs text-slate-500">{item.detail}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </nav>
    </div>
  );
}
