"use client";

export type RailStatus = "complete" | "incomplete" | "blocked" | "optional";

export interface RailItem {
  key: string;
  label: string;
  status: RailStatus;
  /** Why it is incomplete or blocked, in words. */
  detail?: string;
}

const BADGE: Record<RailStatus, { text: string; className: string; icon: string }> = {
  complete: { text: "Complete", className: "bg-emerald-100 text-emerald-800", icon: "✓" },
  incomplete: { text: "Incomplete", className: "bg-amber-100 text-amber-800", icon: "○" },
  blocked: { text: "Blocked", className: "bg-slate-200 text-slate-700", icon: "■" },
  optional: { text: "Optional", className: "bg-slate-100 text-slate-600", icon: "–" },
};

export function ProgressRail({ groups, current, onSelect }: { groups: { title: string; items: RailItem[] }[]; current: string; onSelect: (key: string) => void }) {
  return (
    <nav aria-label="Handoff steps" className="space-y-4">
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
                    onClick={() => onSelect(item.key)}
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
  );
}
