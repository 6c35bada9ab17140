"use client";

import { acknowledgeHandoffAction } from "@/app/(app)/handoffs/[id]/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField, TextArea } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { acknowledgeSchema } from "@/lib/handoff/forms";

export function AcknowledgeForm({ handoffId }: { handoffId: string }) {
  const { form, onSubmit, formError, message } = useActionForm(acknowledgeSchema, acknowledgeHandoffAction, {
    defaultValues: { rating: "" as unknown as number, comment: "" },
    extra: { handoffId },
  });
  return (
    <form onSubmit={onSubmit} className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">Acknowledge this handoff</h2>
      <SelectField
        label="Rating"
        options={[5, 4, 3, 2, 1].map((value) => ({ value: String(value), label: `${value} — ${["", "Poor", "Weak", "Adequate", "Good", "Excellent"][value]}` }))}
        {...form.register("rating")}
        error={form.formState.errors.rating?.message}
      />
      <TextArea label="Comment (optional)" {...form.register("comment")} error={form.formState.errors.comment?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Acknowledge handoff</Button>
    </form>
  );
}
