import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { dashboardParams } from "@/lib/dashboard/params";
import { firstValues, type SearchParams } from "@/lib/paging";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = dashboardParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const dashboard = await loadPage(() => getDashboard(user, params));
  return <DashboardView dashboard={dashboard} params={params} />;
}
