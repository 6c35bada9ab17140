"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateSettingsAction } from "@/components/admin/settings-actions";
import { FormMessages } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { readSettingForm, settingFields, type SettingField } from "@/lib/settings/form-values";

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm aria-invalid:border-red-500 focus:border-brand-600 focus:outline-none";

function Input({ field, errors }: { field: SettingField; errors?: string[] }) {
  const id = `setting-${field.path}`;
  const errorId = `${id}-error`;
  const describedBy = errors?.length ? errorId : undefined;
  if (field.kind === "boolean") {
    return (
      <div className="flex items-start gap-2 sm:col-span-2">
        <input id={id} name={field.path} type="checkbox" defaultChecked={field.checked} aria-describedby={describedBy} className="mt-1" />
        <label htmlFor={id} className="text-sm text-slate-700">{field.label}</label>
        {errors?.length ? <p id={errorId} className="text-sm text-red-700">{errors[0]}</p> : null}
      </div>
    );
  }
  const multiline = field.kind === "textList";
  return (
    <div className={multiline ? "space-y-1 sm:col-span-2" : "space-y-1"}>
      <label htmlFor={id} className="block text-sm text-slate-700">
        {field.label}
        {field.kind === "cents" ? " ($)" : ""}
      </label>
      {multiline ? (
        <textarea id={id} name={field.path} defaultValue={field.text} rows={4} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      ) : (
        <input
          id={id}
          name={field.path}
          defaultValue={field.text}
          inputMode={field.kind === "number" || field.kind === "cents" ? "decimal" : undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
        />
      )}
      {errors?.length ? <p id={errorId} className="text-sm text-red-700">{errors[0]}</p> : null}
    </div>
  );
}

/** One group of rule settings, validated here and again (the same schema) on the server. */
export function SettingsGroupForm({ settingKey, title, value, stamp }: { settingKey: string; title: string; value: unknown; stamp: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fields = settingFields(settingKey, value);
  const headingId = `settings-${settingKey}`;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const submitted = Object.fromEntries(fields.map((field) => [field.path, field.kind === "boolean" ? data.get(field.path) === "on" : String(data.get(field.path) ?? "")]));
    const read = readSettingForm(settingKey, value, submitted);
    setMessage(null);
    setFormError(null);
    if (!read.ok) {
      setErrors(read.errors);
      setFormError("Some settings need attention.");
      return;
    }
    start(async () => {
      const result = await updateSettingsAction({ key: settingKey, value: read.value });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      setErrors({});
      setMessage(result.data.changed ? (result.message ?? "Saved.") : "Nothing changed.");
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <h2 id={headingId} className="border-b border-slate-100 px-4 py-3 font-semibold">{title}</h2>
      <form onSubmit={submit} noValidate className="space-y-3 p-4">
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((field) => (
            <Input key={field.path} field={field} errors={errors[field.path]} />
          ))}
        </div>
        <FormMessages error={formError} message={message} />
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500">{stamp}</p>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : `Save ${title}`}</Button>
        </div>
      </form>
    </section>
  );
}
