import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/data-table/pagination";
import { AccuracyTable, RollUpTable, WaterfallTable } from "@/components/forecast/forecast-tables";
import { Panel } from "@/components/ui/panel";
import { ShownLinks } from "@/components/ui/shown-links";
import { SimpleTable } from "@/components/ui/simple-table";
import { Stat } from "@/components/ui/stat";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { PersonPicker } from "@/components/ui/person-picker";
import { CATEGORY_LABELS } from "@/lib/forecast/categories";
import { BUCKET_LABELS } from "@/lib/forecast/display";
import { accuracyCsms, rollUpRows, teamKey } from "@/lib/forecast/page-rows";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { forecastParams, getForecast, type ForecastParams } from "@/lib/server/forecast/get-forecast";
import { readsOwnForecastOnly } from "@/lib/server/forecast/permissions";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Forecast" };

const UNASSIGNED = { value: "none", label: "Unassigned" };
const option = (person: { id: string; name: string } | null) => (person ? { value: person.id, label: person.name } : null);
const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);

function hrefWith(params: ForecastParams, quarter: string, change: Partial<Record<keyof ForecastParams, string | undefined>>): string {
  const query = new URLSearchParams();
  const merged = { quarter, segment: params.segment, csm: params.csm, ae: params.ae, team: params.team, bucket: params.bucket, ...change };
  for (const [key, value] of Object.entries(merged)) if (value) query.set(key, String(value));
  return `/forecast?${query.toString()}`;
}

export default async function ForecastPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = firstValues(await searchParams);
  const params = forecastParams.parse(raw);
  const user = await pageUser();
  const view = await loadPage(() => getForecast(user, params));
  const { sums, quarter } = view;
  const csmAccuracy = accuracyCsms(view.accuracy.byCsm, view.rollUp, params.team, view.accuracy.csmCount);
  const exportQuery = new URLSearchParams(Object.entries({ quarter, segment: params.segment, csm: params.csm, ae: params.ae, bucket: params.bucket }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const bucketStat = (bucket: keyof typeof sums.buckets) => (
    <Stat
      key={bucket}
      label={BUCKET_LABELS[bucket]}
      value={formatCentsWhole(sums.buckets[bucket].cents)}
      hint={`${sums.buckets[bucket].renewals} ${sums.buckets[bucket].renewals === 1 ? "renewal" : "renewals"}`}
      href={hrefWith(params, quarter, { bucket })}
    />
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Renewal forecast · {quarter}</h1>
        <a href={`/api/forecast/export?${exportQuery.toString()}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" download>
          Export CSV
        </a>
      </div>
      <FilterForm active={[params.segment, params.csm, params.ae].filter(Boolean).length}>
        {params.bucket ? <input type="hidden" name="bucket" value={params.bucket} /> : null}
        <FilterSelect id="forecast-quarter" name="quarter" label="Quarter" value={quarter} options={view.quarters.map((q) => ({ value: q, label: q }))} />
        <FilterSelect id="forecast-segment" name="segment" label="Segment" value={params.segment} options={Object.entries(SEGMENT_LABELS).map(([value, label]) => ({ value, label }))} />
        {readsOwnForecastOnly(user) ? null : (
          <>
            <PersonPicker id="forecast-csm" name="csm" label="CSM" lookup="/api/people?role=CSM" allLabel="All CSMs" selected={params.csm === "none" ? UNASSIGNED : option(view.options.csm)} fixed={[UNASSIGNED]} />
            <PersonPicker id="forecast-ae" name="ae" label="AE" lookup="/api/people?role=AE" allLabel="All AEs" selected={option(view.options.ae)} />
          </>
        )}
      </FilterForm>

      <section aria-label="The quarter's forecast" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Renewals due" value={formatCentsWhole(sums.dueCents)} hint={`${sums.renewals} renewals`} href={hrefWith(params, quarter, { bucket: undefined })} />
        {(["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK", "OMITTED", "CLOSED_WON", "CLOSED_LOST"] as const).map(bucketStat)}
      </section>

      <section aria-label="Forecast retention" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={`Forecast GRR ${quarter}`} value={pct(view.rates.grrPct)} />
        <Stat label={`Forecast NRR ${quarter}`} value={pct(view.rates.nrrPct)} hint={`Without uplifts ${pct(view.rates.nrrWithoutUpliftPct)}`} />
        <Stat label={`Forecast GRR ${view.nextQuarter}`} value={pct(view.next.rates.grrPct)} href={hrefWith(params, view.nextQuarter, { bucket: undefined })} />
        <Stat label={`Forecast NRR ${view.nextQuarter}`} value={pct(view.next.rates.nrrPct)} hint={`Without uplifts ${pct(view.next.rates.nrrWithoutUpliftPct)}`} />
      </section>

      <Panel title={params.bucket ? `Renewals: ${BUCKET_LABELS[params.bucket]}` : "Renewals due"}>
        {params.bucket ? (
          <p className="mb-2 text-sm text-slate-700">
            Showing {BUCKET_LABELS[params.bucket].toLowerCase()} only. <Link href={hrefWith(params, quarter, { bucket: undefined })} className="text-brand-700 underline">Show every renewal</Link>
          </p>
        ) : null}
        {view.rows.count === 0 ? (
          <p className="text-sm text-slate-600">No renewals in this view.</p>
        ) : (
          <>
            <SimpleTable
              caption="Renewals in the forecast"
              headers={["Account", "Forecast", "Amount", { label: "Renewal date", priority: "secondary" }, { label: "Baton's call", priority: "secondary" }, { label: "CSM", priority: "optional" }, { label: "Decision date", priority: "optional" }]}
              rows={view.rows.data.map((row) => [
                <Link key={row.id} href={`/renewals/${row.id}`} className="text-brand-700 underline">{row.accountName}</Link>,
                row.open ? `${CATEGORY_LABELS[row.call.category]}${row.call.overridden ? " (override)" : ""}` : row.stage === "CLOSED_WON" ? "Closed won" : "Closed lost",
                formatCentsWhole(row.open ? row.call.amountCents : (row.closedAmountCents ?? 0n)),
                formatDate(row.renewalDate),
                `${CATEGORY_LABELS[row.likelihood.category]} (${row.likelihood.score})`,
                row.csmName ?? "Unassigned",
                formatDate(row.decisionDate),
              ])}
            />
            <Pagination currentPage={view.rows.currentPage} totalPages={view.rows.totalPages} count={view.rows.count} />
          </>
        )}
      </Panel>

      <div className="grid gap-6 xl:grid-cols-2">
        <Panel title="Roll-up">
          <RollUpTable
            rows={rollUpRows(view.rollUp, params.team)}
            csmHref={(id) => (id && !readsOwnForecastOnly(user) ? hrefWith(params, quarter, { csm: id }) : null)}
            teamHref={(team, open) => `${hrefWith(params, quarter, { team: open ? teamKey(team) : undefined })}#panel-roll-up`}
          />
        </Panel>
        <Panel title="Changes since last week">
          <p className="mb-2 text-sm text-slate-600">Open forecast against the snapshot of the week of {formatDate(new Date(view.weekStart.getTime() - 7 * 86_400_000))}.</p>
          <WaterfallTable waterfall={view.waterfall} />
        </Panel>
      </div>

      <Panel title="Churn and downsell reasons">
        {view.reasons.length === 0 ? (
          <p className="text-sm text-slate-600">No ARR lost this quarter.</p>
        ) : (
          <SimpleTable
            caption="ARR lost this quarter by reason"
            headers={["Reason", "Addressable", "ARR lost", { label: "Accounts", priority: "secondary" }]}
            rows={view.reasons.map((reason) => [
              reason.reason,
              reason.addressable === null ? "Not said" : reason.addressable ? "Addressable" : "Not addressable",
              formatCentsWhole(reason.lostCents),
              <ShownLinks key={`${reason.reason}-${String(reason.addressable)}`} shown={reason.accounts} link={(account) => (
                <><Link href={`/accounts/${account.id}`} className="text-brand-700 underline">{account.name}</Link> ({formatCentsWhole(account.lostCents)})</>
              )} />,
            ])}
          />
        )}
      </Panel>

      <Panel title="Forecast accuracy">
        <p className="mb-2 text-sm text-slate-600">
          Renewals closed in the last 12 months: the forecast 90 and 30 days before the renewal date against the closed amount; late surprises are renewals lost or downsold while Commit 30 days out. Baton&apos;s likelihood is scored with the Brier score (0 is perfect, 0.25 is a coin toss).
        </p>
        <div className="space-y-4">
          <AccuracyTable caption="Accuracy: company and managers" groups={[view.accuracy.company, ...view.accuracy.byManager]} />
          <AccuracyTable caption={csmAccuracy.team ? `Accuracy by CSM: ${csmAccuracy.team}'s team` : "Accuracy by CSM"} groups={csmAccuracy.items} />
          {csmAccuracy.more > 0 ? (
            <p className="text-sm text-slate-600">
              The {csmAccuracy.items.length} CSMs with the most closed renewals; {csmAccuracy.more} more. Show a team&apos;s CSMs in the roll-up to see all of theirs.
            </p>
          ) : null}
          <AccuracyTable caption="Accuracy by segment" groups={view.accuracy.bySegment} />
          {view.accuracy.surprises.items.length > 0 ? (
            <p className="text-sm">
              Late surprises:{" "}
              <ShownLinks shown={view.accuracy.surprises} link={(surprise) => (
                <><Link href={`/renewals/${surprise.id}`} className="text-brand-700 underline">{surprise.accountName}</Link> ({formatDate(surprise.renewalDate)})</>
              )} />
            </p>
          ) : null}
        </div>
      </Panel>
    </div>
  );
}
