import Link from "next/link";
import { GlobalSearch } from "@/components/shell/global-search";
import { NavLinks } from "@/components/shell/nav-links";
import { NotificationBell } from "@/components/shell/notification-bell";
import { UserMenu } from "@/components/shell/user-menu";
import { ToastProvider } from "@/components/ui/toast";
import { navFor, ROLE_LABELS } from "@/lib/auth/roles";
import { pageUser } from "@/lib/server/page-guard";
import { unreadNotificationCount } from "@/lib/server/notifications/notifications";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await pageUser();
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  const unread = await unreadNotificationCount(user);
  return (
    <ToastProvider>
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-brand-700 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3">
        Skip to main content
      </a>
      <div className="min-h-screen">
        <header className="no-print bg-brand-600 text-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 lg:flex-nowrap">
            <Link href="/" prefetch={false} className="flex items-center gap-2 text-lg font-bold tracking-tight">
              <img src="/icon.svg" alt="" width={24} height={24} className="h-6 w-6" />
              Baton
            </Link>
            <nav aria-label="Main" className="order-3 w-full min-w-0 lg:order-none lg:w-auto lg:flex-1">
              <NavLinks items={items} />
            </nav>
            <div className="ml-auto flex items-center gap-2 lg:ml-0">
              <GlobalSearch />
              <NotificationBell unread={unread} />
              <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
            </div>
          </div>
        </header>
        {/* tabIndex lets the skip link move focus here, not only scroll. */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
