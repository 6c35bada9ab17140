"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { regenerateCalendarLinkAction } from "@/components/book/actions";

/** The CSM's private feed URL, to paste into a calendar app, and the way to revoke it. */
export function CalendarLink({ url }: { url: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-2 text-sm">
      <label htmlFor="calendar-feed-url" className="block font-medium text-slate-700">Calendar feed URL</label>
      <input id="calendar-feed-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs" />
      <p className="text-slate-500">Subscribe to it in Google Calendar, Outlook or Apple Calendar. Anyone with the link sees your touchpoints: regenerate it if it leaked.</p>
      <div className="flex items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await regenerateCalendarLinkAction({});
              setMessage(result.ok ? (result.message ?? null) : result.error);
              router.refresh();
            })
          }
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
        >
          Regenerate link
        </button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </div>
  );
}
