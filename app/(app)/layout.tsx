import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { NotificationBell } from "@/components/shell/notification-bell";
import { navFor, ROLE_LABELS } from "@/lib/auth/roles";
import { pageUser } from "@/lib/server/page-guard";
import { unreadNotificationCount } from "@/lib/server/notifications/notifications";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await pageUser();
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  const unread = await unreadNotificationCount(user);
  return (
    <div className="min-h-screen">
      <header className="no-print bg-brand-600 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="text-lg font-bold tracking-tight">
            Baton
          </Link>
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="ml-auto flex items-center gap-2 sm:ml-0">
            <NotificationBell unread={unread} />
            <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
