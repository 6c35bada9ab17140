import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { HandoffsTable } from "@/components/handoffs/handoffs-table";
import { FilterForm, FilterSearch, FilterSelect } from "@/components/ui/filter-form";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole, formatDateTime } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { handoffListParams, listHandoffs } from "@/lib/server/handoffs/list-handoffs";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Handoffs" };

export default async function HandoffsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = handoffListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listHandoffs(user, params));
  const rows = result.data.map((handoff) => ({
    id: handoff.id,
    accountName: `${handoff.accountName}${handoff.strategic ? " ★" : ""}`,
    dealName: handoff.dealName,
    amount: formatCentsWhole(handoff.amountCents),
    typeLabel: HANDOFF_TYPE_LABELS[handoff.type],
    statusLabel: HANDOFF_STATUS_LABELS[handoff.status],
    ownerName: handoff.ownerName,
    dueAt: formatDateTime(handoff.dueAt, "UTC"),
    // A stopped clock says how the handoff ended, so the column reads on a phone without the status column.
    clock: handoff.businessMsLeft === null ? `Stopped: ${HANDOFF_STATUS_LABELS[handoff.status].toLowerCase()}` : formatBusinessTimeLeft(handoff.businessMsLeft),
    overdue: handoff.businessMsLeft !== null && handoff.businessMsLeft < 0,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Handoffs</h1>
      <p className="mb-4 text-sm text-slate-600">Open handoffs first, soonest due on top (overdue ones first); then the finished ones, most recent first.</p>
      <FilterForm active={[params.q, params.status, params.overdue].filter(Boolean).length}>
        <FilterSearch id="handoff-q" label="Account" value={params.q} placeholder="Account name" />
        <FilterSelect
          id="handoff-status"
          name="status"
          label="Status"
          value={params.status}
          options={[{ value: "OPEN", label: "Open (clock running)" }, ...Object.entries(HANDOFF_STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <FilterSelect id="handoff-overdue" name="overdue" label="Clock" value={params.overdue} options={[{ value: "1", label: "Overdue only" }]} />
      </FilterForm>
      <HandoffsTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
