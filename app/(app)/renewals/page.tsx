import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/data-table/pagination";
import { RenewalsTable } from "@/components/renewals/renewals-table";
import { FilterForm, FilterSearch, FilterSelect } from "@/components/ui/filter-form";
import { PersonPicker } from "@/components/ui/person-picker";
import { toIsoDate } from "@/lib/dates";
import { formatCentsWhole } from "@/lib/format";
import { RENEWAL_STAGE_LABELS, RISK_LEVEL_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { seesOwnBookOnly } from "@/lib/server/accounts/permissions";
import { canReadForecast } from "@/lib/server/forecast/permissions";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { listRenewals, renewalListParams } from "@/lib/server/renewals/list-renewals";

export const metadata: Metadata = { title: "Renewals" };

const UNASSIGNED = { value: "none", label: "Unassigned" };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function RenewalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = firstValues(await searchParams);
  const params = renewalListParams.parse(raw);
  const user = await pageUser();
  const { page, quarters, csm, lossReasons } = await loadPage(() => listRenewals(user, params));
  const rows = page.data.map((row) => ({
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    quarter: row.quarter,
    renewalDate: toIsoDate(row.renewalDate),
    days: String(row.daysToRenewal),
    stage: row.stage,
    stageLabel: row.closedAmountCents !== null && row.stage === "CLOSED_WON" ? `${RENEWAL_STAGE_LABELS[row.stage]} (${formatCentsWhole(row.closedAmountCents)})` : RENEWAL_STAGE_LABELS[row.stage],
    risk: row.risk ? RISK_LEVEL_LABELS[row.risk] : "Not assessed",
    csmName: row.csmName ?? "Unassigned",
    segment: SEGMENT_LABELS[row.segment],
    arr: formatCentsWhole(row.amountCents),
    amountCents: String(row.amountCents),
    termMonths: row.contractTermMonths,
    canMove: row.canMove,
  }));
  // The export takes the same filters and sort as the page, without the page: every row of this view.
  const exportQuery = new URLSearchParams(Object.entries(raw).filter((entry): entry is [string, string] => entry[1] !== undefined && !["page", "perPage", "after", "before"].includes(entry[0])));
  return (
    <>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Renewal pipeline</h1>
        <a href={`/api/renewals/export?${exportQuery.toString()}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" download>
          Export CSV
        </a>
      </div>
      <p className="mb-4 text-sm text-slate-600">Open renewals first, soonest on top (past-due ones first); then closed ones, latest first.</p>
      <FilterForm active={[params.q, params.quarter, params.stage, params.risk, params.csm, params.segment, params.due].filter(Boolean).length}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        {params.due ? <input type="hidden" name="due" value={params.due} /> : null}
        <FilterSearch id="renewal-q" label="Search" value={params.q} placeholder="Account or renewal" />
        <FilterSelect id="renewal-quarter" name="quarter" label="Quarter" value={params.quarter} options={quarters.map((quarter) => ({ value: quarter, label: quarter }))} />
        <FilterSelect id="renewal-stage" name="stage" label="Stage" value={params.stage} options={options(RENEWAL_STAGE_LABELS)} />
        <FilterSelect id="renewal-risk" name="risk" label="Risk" value={params.risk} options={options(RISK_LEVEL_LABELS)} />
        {seesOwnBookOnly(user) ? null : (
          <PersonPicker id="renewal-csm" name="csm" label="CSM" lookup="/api/people?role=CSM" allLabel="All CSMs" selected={params.csm === "none" ? UNASSIGNED : csm && { value: csm.id, label: csm.name }} fixed={[UNASSIGNED]} />
        )}
        <FilterSelect id="renewal-segment" name="segment" label="Segment" value={params.segment} options={options(SEGMENT_LABELS)} />
      </FilterForm>
      {params.due ? <p className="mb-2 text-sm text-slate-700">Open renewals due in the next {params.due} days. <Link href="/renewals" className="text-brand-700 underline">Show every renewal</Link></p> : null}
      <RenewalsTable rows={rows} lossReasons={lossReasons} canOpen={canReadForecast(user)} />
      <Pagination currentPage={page.currentPage} totalPages={page.totalPages} count={page.count} cursors={{ previous: page.previous, next: page.next }} />
    </>
  );
}
