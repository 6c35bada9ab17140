"use client";

import { useEffect, useRef, useState } from "react";
import { completeTouchpointAction } from "@/components/book/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { completeTouchpointSchema } from "@/lib/renewals/forms";

interface Props {
  touchpointId: string;
  label: string;
}

/**
 * "Mark done" with notes, for one touchpoint; every control is named after the touchpoint it acts on. The form is
 * rendered once its disclosure opens: a book lists up to 400 touchpoints, and a form for each made the page 214 KB
 * and most of its server time.
 */
export function CompleteTouchpointForm(props: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before hydration, the toggle event had no listener yet.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  return (
    <details ref={details} className="text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-700 hover:underline" aria-label={`Mark done: ${props.label}`}>Mark done</summary>
      {open ? <CompleteTouchpointFields {...props} /> : null}
    </details>
  );
}

function CompleteTouchpointFields({ touchpointId, label }: Props) {
  const { form, onSubmit, formError, message } = useActionForm(completeTouchpointSchema, completeTouchpointAction, {
    defaultValues: { touchpointId, notes: "" },
  });
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
      <TextArea id={`notes-${touchpointId}`} label={`Notes for ${label}`} rows={3} {...form.register("notes")} error={form.formState.errors.notes?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>{`Save: ${label} done`}</Button>
    </form>
  );
}
