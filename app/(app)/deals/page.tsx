import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/data-table/pagination";
import { DealsTable } from "@/components/deals/deals-table";
import { FilterForm, FilterSearch, FilterSelect } from "@/components/ui/filter-form";
import { toIsoDate } from "@/lib/dates";
import { formatCentsWhole } from "@/lib/format";
import { DEAL_STAGE_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { dealListParams, listDeals } from "@/lib/server/deals/list-deals";
import { seesOwnDealsOnly } from "@/lib/server/deals/permissions";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Deals" };

export default async function DealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = dealListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listDeals(user, params));
  const rows = result.data.map((deal) => ({
    id: deal.id,
    name: deal.name,
    accountId: deal.accountId,
    accountName: deal.accountName,
    stageLabel: DEAL_STAGE_LABELS[deal.stage],
    amount: formatCentsWhole(deal.amountCents),
    closeDate: toIsoDate(deal.closeDate),
    ownerName: deal.ownerName,
    handoffId: deal.handoffId,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">{seesOwnDealsOnly(user) ? "My deals" : "Deals"}</h1>
      <p className="mb-4 text-sm text-slate-600">Open deals first, soonest expected close on top; then closed deals, latest first.</p>
      <FilterForm active={[params.q, params.stage, params.wonWithin].filter(Boolean).length}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        {params.wonWithin ? <input type="hidden" name="wonWithin" value={params.wonWithin} /> : null}
        <FilterSearch id="deal-q" label="Search" value={params.q} placeholder="Deal or account" />
        <FilterSelect id="deal-stage" name="stage" label="Stage" value={params.stage} options={Object.entries(DEAL_STAGE_LABELS).map(([value, label]) => ({ value, label }))} />
      </FilterForm>
      {params.wonWithin ? <p className="mb-2 text-sm text-slate-700">Marked closed-won in the last {params.wonWithin} days. <Link href="/deals" className="text-brand-700 underline">Show every deal</Link></p> : null}
      <DealsTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} cursors={{ previous: result.previous, next: result.next }} />
    </>
  );
}
