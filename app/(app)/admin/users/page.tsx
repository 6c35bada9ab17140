import type { Metadata } from "next";
import { UsersSection } from "@/components/admin/users-section";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listUsers, userListParams } from "@/lib/server/users/list-users";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = userListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listUsers(user, params));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      <UsersSection result={result} params={params} />
    </>
  );
}
