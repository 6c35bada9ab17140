import type { Metadata } from "next";
import Link from "next/link";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { Pagination } from "@/components/data-table/pagination";
import { FilterForm, FilterSearch, FilterSelect } from "@/components/ui/filter-form";
import { formatCentsWhole } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { accountListParams, listAccounts } from "@/lib/server/accounts/list-accounts";
import { seesOwnBookOnly } from "@/lib/server/accounts/permissions";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = accountListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listAccounts(user, params));
  const rows = result.data.map((account) => ({
    id: account.id,
    name: account.name,
    segment: SEGMENT_LABELS[account.segment],
    arr: formatCentsWhole(account.arrCents),
    health: `${account.healthScore}/100`,
    usage: `${account.usagePct}%`,
    csmName: account.csmName ?? "Unassigned",
    aeName: account.aeName ?? "—",
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">{seesOwnBookOnly(user) ? "My accounts" : "Accounts"}</h1>
      <p className="mb-4 text-sm text-slate-600">Lowest health first: the accounts that need attention are on top.</p>
      <FilterForm active={[params.q, params.segment, params.arr].filter(Boolean).length}>
        {params.arr ? <input type="hidden" name="arr" value={params.arr} /> : null}
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <FilterSearch id="account-q" label="Search" value={params.q} placeholder="Name or external id" />
        <FilterSelect id="account-segment" name="segment" label="Segment" value={params.segment} options={Object.entries(SEGMENT_LABELS).map(([value, label]) => ({ value, label }))} />
      </FilterForm>
      {params.arr === "paying" ? <p className="mb-2 text-sm text-slate-700">Paying customers: ARR above zero today. <Link href="/accounts" className="text-brand-700 underline">Show every account</Link></p> : null}
      <AccountsTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
