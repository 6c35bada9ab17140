"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            {/* No prefetch: every request through the auth proxy re-issues the session cookie, so prefetches still
                in flight when someone signs out would sign them back in. */}
            <Link
              href={item.href}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 text-sm text-brand-50 hover:bg-brand-700 aria-[current=page]:bg-brand-900 aria-[current=page]:text-white"
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
