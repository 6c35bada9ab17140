"use client";

import { skipHandoffAction } from "@/components/handoffs/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { skipSchema } from "@/lib/handoff/forms";

export function SkipForm({ handoffId, threshold }: { handoffId: string; threshold: string }) {
  const { form, onSubmit, formError, message } = useActionForm(skipSchema, skipHandoffAction, { defaultValues: { reason: "" }, extra: { handoffId } });
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium">Skip this handoff</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        <p className="text-slate-600">Deals up to {threshold} may skip the handoff with a reason, which is recorded in the audit log. Larger deals never can.</p>
        <TextArea label="Reason for skipping" {...form.register("reason")} error={form.formState.errors.reason?.message} />
        <FormMessages error={formError} message={message} />
        <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>Skip handoff</Button>
      </form>
    </details>
  );
}
