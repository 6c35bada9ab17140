"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRevealCurrent } from "@/components/shell/use-reveal-current";

export function isCurrent(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The header's links on one row; a narrow screen scrolls the row instead of wrapping it. */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const list = useRevealCurrent<HTMLUListElement>(pathname);
  return (
    <ul ref={list} className="relative -mx-1 flex gap-1 overflow-x-auto px-1 py-0.5">
      {items.map((item) => (
        <li key={item.href} className="shrink-0">
          {/* No prefetch: every request through the auth proxy re-issues the session cookie, so prefetches still
              in flight when someone signs out would sign them back in. */}
          <Link
            href={item.href}
            prefetch={false}
            aria-current={isCurrent(item.href, pathname) ? "page" : undefined}
            className="block whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm text-white hover:bg-brand-700 aria-[current=page]:bg-brand-900"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
