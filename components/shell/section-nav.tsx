"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRevealCurrent } from "@/components/shell/use-reveal-current";
import { isCurrent } from "@/components/shell/nav-links";

/** A section's own navigation: a column beside the page on wide screens, one scrolling row on narrow ones. */
export function SectionNav({ label, items }: { label: string; items: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  const list = useRevealCurrent<HTMLUListElement>(pathname);
  return (
    <nav aria-label={label} className="lg:w-52 lg:shrink-0">
      <p className="mb-2 hidden text-xs font-semibold uppercase tracking-wide text-slate-600 lg:block">{label}</p>
      <ul ref={list} className="relative -mx-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:flex-col lg:overflow-visible">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              prefetch={false}
              aria-current={isCurrent(item.href, pathname) ? "page" : undefined}
              className="block whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
