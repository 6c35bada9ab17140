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
 * rendered the first time its disclosure opens, and stays (closing it keeps what was typed): a book lists hundreds
 * of touchpoints, and a form for each made the page 214 KB and most of its server time.
 */
export function CompleteTouchpointForm(props: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before hydration, the toggle event had no listener yet.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className="text-sm" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-brand-700 hover:underline" aria-label={`Mark done: ${props.label}`}>Mark done</summary>
      {opened ? <CompleteTouchpointFields {...props} /> : null}
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
