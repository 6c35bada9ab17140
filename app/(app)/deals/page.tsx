import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { DealsTable } from "@/components/deals/deals-table";
import { FilterForm, FilterSearch, FilterSelect } from "@/components/ui/filter-form";
import { toIsoDate } from "@/lib/dates";
import { formatCentsWhole } from "@/lib/format";
import { DEAL_STAGE_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { dealListParams, listDeals } from "@/lib/server/deals/list-deals";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Deals" };

export default async function DealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = dealListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listDeals(user, params));
  const rows = result.data.map((deal) => ({
    id: deal.id,
    name: deal.name,
    accountName: deal.accountName,
    stageLabel: DEAL_STAGE_LABELS[deal.stage],
    amount: formatCentsWhole(deal.amountCents),
    closeDate: toIsoDate(deal.closeDate),
    ownerName: deal.ownerName,
    handoffId: deal.handoffId,
  }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{user.role === "AE" ? "My deals" : "Deals"}</h1>
      <FilterForm>
        <FilterSearch id="deal-q" label="Search" value={params.q} placeholder="Deal or account" />
        <FilterSelect id="deal-stage" name="stage" label="Stage" value={params.stage} options={Object.entries(DEAL_STAGE_LABELS).map(([value, label]) => ({ value, label }))} />
      </FilterForm>
      <DealsTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
