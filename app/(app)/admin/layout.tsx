import { forbidden } from "next/navigation";
import { SectionNav } from "@/components/shell/section-nav";
import { ADMIN_NAV } from "@/lib/auth/roles";
import { pageUser } from "@/lib/server/page-guard";
import { canAdminister } from "@/lib/server/users/permissions";

// Administration is one entry in the header with its own navigation here. Each page still checks the role itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await pageUser();
  if (!canAdminister(user)) forbidden();
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <SectionNav label="Administration" items={ADMIN_NAV} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
