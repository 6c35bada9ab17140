import type { Metadata } from "next";
import { AeHomeView } from "@/components/home/ae-home-view";
import { CsmHomeView } from "@/components/home/csm-home-view";
import { LeadershipHomeView } from "@/components/home/leadership-home-view";
import { ManagerHomeView } from "@/components/home/manager-home-view";
import { UsersSection } from "@/components/admin/users-section";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { firstValues, type SearchParams } from "@/lib/paging";
import { getAeHome } from "@/lib/server/home/ae-home";
import { getCsmHome } from "@/lib/server/home/csm-home";
import { getLeadershipHome } from "@/lib/server/home/leadership-home";
import { getManagerHome } from "@/lib/server/home/manager-home";
import { listUsers, userListParams } from "@/lib/server/users/list-users";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import type { ActingUser } from "@/lib/server/authz";

export const metadata: Metadata = { title: "Home" };

async function RoleHome({ user, searchParams }: { user: ActingUser; searchParams: SearchParams }) {
  switch (user.role) {
    case "AE":
      return <AeHomeView home={await loadPage(() => getAeHome(user))} />;
    case "CSM":
      return <CsmHomeView home={await loadPage(() => getCsmHome(user))} />;
    case "CS_MANAGER":
      return <ManagerHomeView home={await loadPage(() => getManagerHome(user))} />;
    case "LEADERSHIP":
      return <LeadershipHomeView home={await loadPage(() => getLeadershipHome(user))} />;
    case "ADMIN": {
      const params = userListParams.parse(firstValues(searchParams));
      return <UsersSection result={await loadPage(() => listUsers(user, params))} params={params} />;
    }
  }
}

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await pageUser();
  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold">Welcome, {user.name.split(" ")[0]}</h1>
        <p className="text-slate-600">{ROLE_LABELS[user.role]}</p>
      </div>
      <RoleHome user={user} searchParams={await searchParams} />
    </>
  );
}
