"use client";

import { completeTouchpointAction } from "@/components/book/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { completeTouchpointSchema } from "@/lib/renewals/forms";

/** "Mark done" with notes, for one touchpoint; every control is named after the touchpoint it acts on. */
export function CompleteTouchpointForm({ touchpointId, label }: { touchpointId: string; label: string }) {
  const { form, onSubmit, formError, message } = useActionForm(completeTouchpointSchema, completeTouchpointAction, {
    defaultValues: { touchpointId, notes: "" },
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline" aria-label={`Mark done: ${label}`}>Mark done</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
        <TextArea id={`notes-${touchpointId}`} label={`Notes for ${label}`} rows={3} {...form.register("notes")} error={form.formState.errors.notes?.message} />
        <FormMessages error={formError} message={message} />
        <Button type="submit" disabled={form.formState.isSubmitting}>{`Save: ${label} done`}</Button>
      </form>
    </details>
  );
}
