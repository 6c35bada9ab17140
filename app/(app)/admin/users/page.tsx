import type { Metadata } from "next";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { UsersSection } from "@/components/admin/users-section";
import { Panel } from "@/components/ui/panel";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listUsers, userListParams } from "@/lib/server/users/list-users";
import { listManagers } from "@/lib/server/users/user-admin";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = userListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const { result, managers } = await loadPage(async () => ({ result: await listUsers(user, params), managers: await listManagers(user) }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      <div className="mb-6">
        <Panel title="Invite a user">
          <InviteUserForm managers={managers} />
        </Panel>
      </div>
      <UsersSection result={result} params={params} />
    </>
  );
}
