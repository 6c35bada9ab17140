"use client";

import { useState, useTransition } from "react";
import { changeUserRoleAction, resetUserPasswordAction } from "@/components/admin/user-admin-actions";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Change a user's role (effective on their next request) or issue a temporary password, shown once. */
export function UserRowActions({ id, name, role }: { id: string; name: string; role: Role }) {
  const [pending, start] = useTransition();
  const [chosen, setChosen] = useState<Role>(role);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${id}`}>{`Role of ${name}`}</label>
      <select id={`role-${id}`} value={chosen} onChange={(event) => setChosen(event.target.value as Role)} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
        {ALL_ROLES.map((value) => (
          <option key={value} value={value}>{ROLE_LABELS[value]}</option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending || chosen === role}
        aria-label={`Change role of ${name}`}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const result = await changeUserRoleAction({ userId: id, role: chosen });
            setNote(result.ok ? { text: "Role changed.", error: false } : { text: result.error, error: true });
          })
        }
      >
        Change role
      </button>
      <button
        type="button"
        disabled={pending}
        aria-label={`New password for ${name}`}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        onClick={() =>
          start(async () => {
            const result = await resetUserPasswordAction({ userId: id });
            setNote(result.ok ? { text: `Temporary password (shown once): ${result.data.password}`, error: false } : { text: result.error, error: true });
          })
        }
      >
        New password
      </button>
      {note ? (
        <span role={note.error ? "alert" : "status"} className={`text-xs ${note.error ? "text-red-700" : "text-emerald-800"}`}>
          {note.text}
        </span>
      ) : null}
    </span>
  );
}
