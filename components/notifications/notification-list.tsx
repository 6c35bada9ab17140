"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction, markNotificationUnreadAction } from "@/components/notifications/actions";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { Markdown } from "@/components/ui/markdown";
import { useToast } from "@/components/ui/toast";
import { isAppLink, recordLinkLabel } from "@/lib/notifications/record-link";

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
  /** Set on a "ready to acknowledge" notification while the handoff still waits: the form is shown inline. */
  acknowledgeHandoffId?: string | null;
}

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

function Item({ item }: { item: NotificationItem }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const link = isAppLink(item.link) ? item.link : null;
  const markRead = () =>
    start(async () => {
      const result = await markNotificationReadAction({ notificationId: item.id });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.refresh();
      toast({
        message: `Marked read: ${item.title}`,
        action: {
          label: "Undo",
          run: async () => {
            const undone = await markNotificationUnreadAction({ notificationId: item.id });
            if (undone.ok) router.refresh();
            else setError(undone.error);
          },
        },
      });
    });
  return (
    <li className={`rounded-lg border p-4 ${item.read ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50"}`} aria-label={item.title}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">
            {item.read ? null : <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">New</span>}
            {item.title}
          </p>
          <p className="text-xs text-slate-600">{when.format(new Date(item.createdAt))}</p>
        </div>
        <div className="flex items-center gap-2 text-sm">
          {link ? (
            <Link
              href={link}
              prefetch={false}
              onClick={() => (item.read ? undefined : void markNotificationReadAction({ notificationId: item.id }))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-brand-700 hover:bg-slate-100"
            >
              {recordLinkLabel(link)}
            </Link>
          ) : null}
          {item.read ? null : (
            <button type="button" disabled={pending} onClick={markRead} aria-label={`Mark read: ${item.title}`} className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              Mark read
            </button>
          )}
        </div>
      </div>
      {item.body ? <Markdown text={item.body} className="mt-2" /> : null}
      {item.acknowledgeHandoffId ? (
        <div className="mt-3">
          <AcknowledgeForm handoffId={item.acknowledgeHandoffId} accountName={item.title.replace(/^Handoff ready to acknowledge: /, "")} />
        </div>
      ) : null}
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </li>
  );
}

export function NotificationList({ rows }: { rows: NotificationItem[] }) {
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">No notifications.</p>;
  return (
    <ul className="space-y-2" aria-label="Notifications">
      {rows.map((row) => (
        <Item key={row.id} item={row} />
      ))}
    </ul>
  );
}

export function MarkAllReadButton() {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await markAllNotificationsReadAction({});
          router.refresh();
          toast({ message: result.ok ? `${result.data.marked} marked read.` : result.error });
        })
      }
      className="rounded-md bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700"
    >
      Mark all read
    </button>
  );
}
