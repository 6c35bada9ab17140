import { Pagination } from "@/components/data-table/pagination";
import { UsersTable } from "@/components/admin/users-table";
import { UserFilters } from "@/components/admin/user-filters";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { toIsoDate } from "@/lib/dates";
import type { Paged } from "@/lib/paging";
import type { UserListParams, UserRow } from "@/lib/server/users/list-users";

export function UsersSection({ result, params }: { result: Paged<UserRow>; params: UserListParams }) {
  const rows = result.data.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    active: user.active,
    managerName: user.managerName,
    createdAt: toIsoDate(user.createdAt),
  }));
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading" className="mb-3 text-lg font-semibold">Users</h2>
      <UserFilters q={params.q} role={params.role} />
      <UsersTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </section>
  );
}
