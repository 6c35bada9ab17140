import Link from "next/link";
import type { TimelineEntry, TimelineKind } from "@/lib/accounts/timeline";

const KIND_LABELS: Record<TimelineKind, string> = {
  deal: "Deal",
  handoff: "Handoff",
  assignment: "Assignment",
  touchpoint: "Touchpoint",
  alert: "Alert",
  email: "E-mail",
  risk: "Risk",
  arr: "ARR",
  meeting: "Meeting",
  change: "Change",
};

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing has happened on this account yet.</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-4" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <span aria-hidden className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-brand-600" />
          <p className="text-xs text-slate-500">
            <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time> · {KIND_LABELS[entry.kind]}
          </p>
          <p className="font-medium">{entry.href ? <Link href={entry.href} className="text-brand-700 hover:underline">{entry.title}</Link> : entry.title}</p>
          {entry.detail ? <p className="text-slate-600">{entry.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
