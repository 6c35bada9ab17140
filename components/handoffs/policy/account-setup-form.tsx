"use client";

import { useFieldArray } from "react-hook-form";
import { accountSetupAction } from "@/components/handoffs/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { accountSetupSchema } from "@/lib/handoff/forms";

export interface AccountSetupFormProps {
  handoffId: string;
  canSetUp: boolean;
  timezone: string;
  defaultKickoffDate: string;
  done: { kickoff: string; milestones: { name: string; dueDate: string }[]; environmentUrl: string } | null;
}

export function AccountSetupForm({ handoffId, canSetUp, timezone, defaultKickoffDate, done }: AccountSetupFormProps) {
  const { form, onSubmit, formError, message } = useActionForm(accountSetupSchema, accountSetupAction, {
    defaultValues: {
      environmentProvisioned: false as unknown as true,
      environmentUrl: done?.environmentUrl ?? "",
      kickoffDate: defaultKickoffDate,
      kickoffTime: "10:00",
      milestones: done?.milestones.length ? done.milestones : [{ name: "Kick-off held", dueDate: defaultKickoffDate }],
    },
    extra: { handoffId },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "milestones" });
  const errors = form.formState.errors;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">The CS manager provisions the client environment, schedules the official kick-off and creates the project plan.</p>
      {done ? (
        <div className="rounded-md bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Kick-off scheduled: {done.kickoff}</p>
          <ol className="mt-1 list-decimal pl-5">{done.milestones.map((m) => <li key={m.name}>{m.name} — {m.dueDate}</li>)}</ol>
        </div>
      ) : null}
      {canSetUp ? (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("environmentProvisioned")} aria-describedby={errors.environmentProvisioned ? "provisioned-error" : undefined} />
            Client environment provisioned
          </label>
          {errors.environmentProvisioned ? <p id="provisioned-error" className="text-sm text-red-700">{errors.environmentProvisioned.message}</p> : null}
          <TextInput label="Environment address (optional)" {...form.register("environmentUrl")} error={errors.environmentUrl?.message} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput label="Kick-off date" type="date" {...form.register("kickoffDate")} error={errors.kickoffDate?.message} />
            <TextInput label={`Kick-off time (${timezone})`} type="time" {...form.register("kickoffTime")} error={errors.kickoffTime?.message} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Project plan milestones</legend>
            {fields.map((field, index) => (
              <div key={field.id} className="grid gap-2 sm:grid-cols-[1fr_12rem_auto]">
                <TextInput label={`Milestone ${index + 1}`} {...form.register(`milestones.${index}.name`)} error={errors.milestones?.[index]?.name?.message} />
                <TextInput label={`Milestone ${index + 1} date`} type="date" {...form.register(`milestones.${index}.dueDate`)} error={errors.milestones?.[index]?.dueDate?.message} />
                <button type="button" className="self-end text-sm text-red-700 underline" onClick={() => remove(index)}>Remove milestone {index + 1}</button>
              </div>
            ))}
            {errors.milestones?.message ? <p className="text-sm text-red-700">{errors.milestones.message}</p> : null}
            <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" onClick={() => append({ name: "", dueDate: defaultKickoffDate })}>Add milestone</button>
          </fieldset>
          <FormMessages error={formError} message={message} />
          <Button type="submit" disabled={form.formState.isSubmitting}>Record account setup</Button>
        </form>
      ) : !done ? (
        <p className="text-sm text-slate-500">Waiting for the CS manager.</p>
      ) : null}
    </div>
  );
}
