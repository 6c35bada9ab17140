"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createApiTokenAction } from "@/components/admin/api-token-actions";
import { FormMessages } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { PersonPicker } from "@/components/ui/person-picker";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const field = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

/** Creates a token and shows its secret once, with a Copy button; the form is cleared for the next token. */
/** `me`: the signed-in admin, whom a token acts as until another user is chosen. */
export function ApiTokenForm({ me }: { me: { id: string; name: string; role: Role } }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [name, setName] = useState("");
  const [userId, setUserId] = useState(me.id);
  const [role, setRole] = useState<Role>(me.role);
  // A new picker after each created token: the next one starts again from the signed-in admin.
  const [createdCount, setCreatedCount] = useState(0);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    setError(null);
    start(async () => {
      const result = await createApiTokenAction({ name, userId, role });
      if (!result.ok) {
        setError(result.error);
        setErrors(result.fieldErrors ?? {});
        return;
      }
      setErrors({});
      setCreated({ name, secret: result.data.secret });
      setName("");
      setUserId(me.id);
      setRole(me.role);
      setCreatedCount((count) => count + 1);
      router.refresh();
    });
  }

  const fieldError = (name: string) => (errors[name]?.[0] ? <p className="text-sm text-red-700">{errors[name][0]}</p> : null);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium text-slate-700">Token name</label>
          <input id="token-name" name="name" value={name} onChange={(event) => setName(event.target.value)} placeholder="Salesforce sync" className={field} />
          {fieldError("name")}
        </div>
        <PersonPicker
          key={createdCount}
          id="token-user"
          name="userId"
          label="Acts as"
          lookup="/api/admin/token-users"
          allLabel="Type a name or e-mail…"
          selected={{ value: me.id, label: me.name }}
          wide
          error={errors.userId?.[0]}
          onChoose={(option) => {
            setUserId(option?.value ?? "");
            if (option?.role) setRole(option.role);
          }}
        />
        <div>
          <label htmlFor="token-role" className="block text-sm font-medium text-slate-700">Role</label>
          <select id="token-role" value={role} onChange={(event) => setRole(event.target.value as Role)} className={field}>
            {ALL_ROLES.map((value) => (
              <option key={value} value={value}>{ROLE_LABELS[value]}</option>
            ))}
          </select>
          {fieldError("role")}
        </div>
      </div>
      <p className="text-xs text-slate-500">A token has its user&apos;s role, or any role when the user is an admin (e.g. a read-only Leadership token for BI).</p>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</Button>
      <FormMessages error={error} message={null} />
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Token “{created.name}” created. Copy it now: it is shown only once and stored hashed.</p>
          <code aria-label="New API token" className="block break-all rounded bg-white px-2 py-1 font-mono">{created.secret}</code>
          <CopyButton text={created.secret} label="Copy token" fallback="Copy failed: select the token and copy it" />
        </div>
      ) : null}
    </form>
  );
}
