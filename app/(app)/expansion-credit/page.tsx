import type { Metadata } from "next";
import { ExpansionCreditView } from "@/components/dashboard/expansion-credit-view";
import { drillParams } from "@/lib/dashboard/params";
import { firstValues, type SearchParams } from "@/lib/paging";
import { getMyExpansionCredit } from "@/lib/server/dashboard/get-my-expansion-credit";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "My expansion credit" };

export default async function MyExpansionCreditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = drillParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => getMyExpansionCredit(user, params));
  return <ExpansionCreditView result={result} params={params} />;
}
