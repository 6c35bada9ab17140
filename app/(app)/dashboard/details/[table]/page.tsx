import type { Metadata } from "next";
import { DrillView } from "@/components/dashboard/drill-view";
import { drillParams } from "@/lib/dashboard/params";
import { firstValues, type SearchParams } from "@/lib/paging";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { listDrillRows } from "@/lib/server/dashboard/list-drill-rows";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Dashboard details" };

export default async function DashboardDetailsPage({
  params,
  searchParams,
}: {
  params: Promise<{ table: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { table } = await params;
  const query = drillParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(async () => listDrillRows(await dashboardContext(user, query), table, query));
  return <DrillView result={result} params={query} />;
}
