import Link from "next/link";

/**
 * A headline figure. With `href` it links to the list it counts, and that list shows the same number
 * (the home pages are tested for it).
 */
export function Stat({ label, value, hint, tone, href }: { label: string; value: string; hint?: string; tone?: "good" | "bad"; href?: string }) {
  const toneClass = tone === "good" ? "text-emerald-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  const body = (
    <>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`mt-1 text-2xl font-semibold ${toneClass}`}>{value}</p>
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
    </>
  );
  if (!href) return <div className="rounded-lg border border-slate-200 bg-white p-4">{body}</div>;
  return (
    <Link href={href} prefetch={false} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600 hover:bg-brand-50">
      {body}
    </Link>
  );
}
