import Link from "next/link";
import type { TargetCheck } from "@/lib/dashboard/targets";

/** One measure: its figure (a link to the rows behind it), its target and whether it is met, and its definition. */
export function MeasureCard({
  title,
  value,
  href,
  linkLabel,
  target,
  detail,
  definition,
  children,
}: {
  title: string;
  value: string;
  href?: string;
  linkLabel?: string;
  target?: TargetCheck;
  detail?: React.ReactNode;
  definition: string;
  children?: React.ReactNode;
}) {
  const id = `measure-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const tone = target?.met === true ? "text-emerald-700" : target?.met === false ? "text-red-700" : "text-slate-900";
  return (
    <section aria-labelledby={id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={id} className="text-sm font-medium text-slate-500">{title}</h3>
      <p className={`mt-1 text-2xl font-semibold ${tone}`}>
        {href ? (
          <Link href={href} aria-label={linkLabel ?? `${title}: ${value}, show the rows`} className="hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {target ? (
        <p className="mt-1 text-xs">
          <span className="text-slate-500">Target {target.label} · </span>
          {target.met === null ? (
            <span className="text-slate-500">no data</span>
          ) : target.met ? (
            <span className="font-medium text-emerald-700">met</span>
          ) : (
            <span className="font-medium text-red-700">not met</span>
          )}
        </p>
      ) : null}
      {detail ? <div className="mt-2 text-sm text-slate-700">{detail}</div> : null}
      {children}
      <p className="mt-auto pt-3 text-xs text-slate-500">{definition}</p>
    </section>
  );
}
