"use client";

import { useEffect, useRef, useState } from "react";
import { signOutAction } from "@/components/shell/sign-out-action";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      {/* The name is the button's visible text and the start of its accessible name (WCAG 2.5.3, label in name). */}
      <button
        type="button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-brand-700"
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-white/20 font-semibold">
          {name.charAt(0)}
        </span>
        <span className="sr-only 2xl:not-sr-only">{name}</span>
        <span className="sr-only">, account menu</span>
      </button>
      {open ? (
        <div id="user-menu-panel" className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg">
          <p className="font-medium">{name}</p>
          <p className="text-slate-500">{email}</p>
          <p className="mt-1 text-slate-500">{roleLabel}</p>
          <a href="/profile" className="mt-3 block rounded-md px-2 py-1 hover:bg-slate-100">My calendar and working hours</a>
          <form action={signOutAction} className="mt-3 border-t border-slate-100 pt-3">
            <button type="submit" className="w-full rounded-md px-2 py-1 text-left hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
