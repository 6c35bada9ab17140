"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { moveHandoffCallAction } from "@/components/handoffs/actions";

export interface HandoffCallPanelProps {
  handoffId: string;
  when: string;
  attendees: string[];
  canMove: boolean;
  slots: { startsAt: string; label: string }[];
}

/** The AE + CSM handoff call: when it is, and the other times both are free, one click to move it. */
export function HandoffCallPanel({ handoffId, when, attendees, canMove, slots }: HandoffCallPanelProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-labelledby="call-heading" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 id="call-heading" className="font-semibold">Handoff call</h2>
      <p>
        📅 {when} · {attendees.join(" and ")} · 30 minutes
      </p>
      {canMove && slots.length > 0 ? (
        <div className="mt-2">
          <p className="text-slate-600">Other times you are both free:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {slots.map((slot) => (
              <li key={slot.startsAt}>
                <button
                  type="button"
                  disabled={pending}
                  className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
                  onClick={() =>
                    start(async () => {
                      const result = await moveHandoffCallAction({ handoffId, startsAt: slot.startsAt });
                      setMessage(result.ok ? { ok: true, text: result.message ?? "Moved." } : { ok: false, text: result.error });
                      if (result.ok) router.refresh();
                    })
                  }
                >
                  Move to {slot.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {message ? <p role={message.ok ? "status" : "alert"} className={`mt-2 ${message.ok ? "text-emerald-800" : "text-red-700"}`}>{message.text}</p> : null}
    </section>
  );
}
