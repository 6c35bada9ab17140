"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { inviteUserAction } from "@/components/admin/user-admin-actions";
import { FormMessages } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";

const field = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

/** Invites a person: their user is created with a temporary password, shown here once. */
export function InviteUserForm({ managers }: { managers: { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [invited, setInvited] = useState<{ email: string; password: string } | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    setInvited(null);
    setError(null);
    start(async () => {
      const result = await inviteUserAction(data);
      if (!result.ok) {
        setError(result.error);
        setErrors(result.fieldErrors ?? {});
        return;
      }
      setErrors({});
      setInvited({ email: String(data.email).trim().toLowerCase(), password: result.data.password });
      form.reset();
      router.refresh();
    });
  }

  const fieldError = (name: string) => (errors[name]?.[0] ? <p className="text-sm text-red-700">{errors[name][0]}</p> : null);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor="invite-name" className="block text-sm font-medium text-slate-700">Name</label>
          <input id="invite-name" name="name" className={field} />
          {fieldError("name")}
        </div>
        <div>
          <label htmlFor="invite-email" className="block text-sm font-medium text-slate-700">E-mail</label>
          <input id="invite-email" name="email" type="email" className={field} />
          {fieldError("email")}
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">Role</label>
          <select id="invite-role" name="role" defaultValue="CSM" className={field}>
            {ALL_ROLES.map((role) => (
              <option key={role} value={role}>{ROLE_LABELS[role]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-manager" className="block text-sm font-medium text-slate-700">Manager</label>
          <select id="invite-manager" name="managerId" defaultValue="" className={field}>
            <option value="">None</option>
            {managers.map((manager) => (
              <option key={manager.id} value={manager.id}>{manager.name}</option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Invite user"}</Button>
      <FormMessages error={error} message={null} />
      {invited ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Give {invited.email} this temporary password; it is shown only once.</p>
          <code aria-label="Temporary password" className="mt-2 block rounded bg-white px-2 py-1 font-mono">{invited.password}</code>
        </div>
      ) : null}
    </form>
  );
}
