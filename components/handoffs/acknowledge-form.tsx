"use client";

import { acknowledgeHandoffAction } from "@/components/handoffs/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField, TextArea } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { acknowledgeSchema } from "@/lib/handoff/forms";

const RATINGS = [5, 4, 3, 2, 1].map((value) => ({ value: String(value), label: `${value} — ${["", "Poor", "Weak", "Adequate", "Good", "Excellent"][value]}` }));

/**
 * The assigned CSM's acknowledgment with a 1–5 rating. The same form sits on the CSM's home, the handoff page,
 * the handoff document and the notification that the handoff is ready; `accountName` names it where several show.
 */
export function AcknowledgeForm({ handoffId, accountName }: { handoffId: string; accountName?: string }) {
  const { form, onSubmit, formError, message } = useActionForm(acknowledgeSchema, acknowledgeHandoffAction, {
    defaultValues: { rating: "" as unknown as number, comment: "" },
    extra: { handoffId },
  });
  const suffix = accountName ? ` (${accountName})` : "";
  const idBase = `ack-${handoffId}`;
  return (
    <form onSubmit={onSubmit} aria-label={`Acknowledge handoff${suffix}`} className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">Acknowledge this handoff{suffix}</h2>
      <SelectField id={`${idBase}-rating`} label={`Rating${suffix}`} options={RATINGS} {...form.register("rating")} error={form.formState.errors.rating?.message} />
      <TextArea id={`${idBase}-comment`} rows={2} label={`Comment (optional)${suffix}`} {...form.register("comment")} error={form.formState.errors.comment?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Acknowledge handoff{suffix}</Button>
    </form>
  );
}
