import Link from "next/link";
import type { DashboardParams } from "@/lib/dashboard/params";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);

/** The forecast page with the dashboard's segment, CSM and AE cuts (the forecast page has no team cut). */
function forecastHref(params: DashboardParams, csmLocked: boolean): string {
  const search = new URLSearchParams();
  if (params.segment) search.set("segment", params.segment);
  if (params.csm && !csmLocked) search.set("csm", params.csm);
  if (params.ae) search.set("ae", params.ae);
  const text = search.toString();
  return text ? `/forecast?${text}` : "/forecast";
}

/** The forecast page's accuracy row in the dashboard's cut, compact, with the way to the forecast page. */
export function ForecastAccuracySection({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const accuracy = dashboard.forecastAccuracy;
  if (!accuracy) return null;
  const figures: [string, string, string][] = [
    ["90 days out", pct(accuracy.at90.accuracyPct), `${accuracy.at90.renewals} closed`],
    ["30 days out", pct(accuracy.at30.accuracyPct), `${accuracy.at30.renewals} closed`],
    ["Late surprises", String(accuracy.lateSurprises), "lost or downsold while Commit"],
    ["Baton's Brier score", accuracy.brier === null ? "—" : accuracy.brier.toFixed(3), "its likelihood 90 days out"],
  ];
  return (
    <section aria-labelledby="forecast-accuracy-heading" className="space-y-4" data-testid="dashboard-forecast-accuracy">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="forecast-accuracy-heading" className="text-lg font-semibold">Forecast accuracy</h2>
        <Link href={forecastHref(params, dashboard.options.csmLocked)} className="text-sm font-medium text-brand-700 underline">
          Open the forecast
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map(([label, value, note]) => (
          <div key={label} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm font-medium text-slate-500">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
            <dd className="mt-1 text-xs text-slate-500">{note}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{dashboard.definitions.forecastAccuracy}</p>
    </section>
  );
}
