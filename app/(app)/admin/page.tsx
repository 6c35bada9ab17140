import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_NAV } from "@/lib/auth/roles";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { assertRole } from "@/lib/server/authz";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await pageUser();
  await loadPage(async () => assertRole(user, ["ADMIN"]));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Administration</h1>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <Link href={item.href} prefetch={false} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600 hover:bg-brand-50">
              <span className="font-semibold text-brand-700">{item.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{item.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
