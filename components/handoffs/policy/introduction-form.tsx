"use client";

import { useWatch } from "react-hook-form";
import { sendIntroductionAction } from "@/components/handoffs/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { introductionSchema } from "@/lib/handoff/forms";
import { MERGE_FIELDS, renderTemplate, type MergeValues } from "@/lib/handoff/template";

export interface IntroductionFormProps {
  handoffId: string;
  csmName: string | null;
  canSend: boolean;
  defaultTo: string;
  template: { subject: string; body: string };
  values: MergeValues;
  sent: { subject: string; to: string[]; cc: string[]; when: string } | null;
}

export function IntroductionForm({ handoffId, csmName, canSend, defaultTo, template, values, sent }: IntroductionFormProps) {
  const { form, onSubmit, formError, message } = useActionForm(introductionSchema, sendIntroductionAction, {
    defaultValues: { to: defaultTo, subject: template.subject, body: template.body },
    extra: { handoffId },
  });
  const [subject, body] = useWatch({ control: form.control, name: ["subject", "body"] });
  const preview = { subject: renderTemplate(subject ?? "", values), body: renderTemplate(body ?? "", values) };
  const unknown = [...preview.subject.unknownFields, ...preview.body.unknownFields];
  const errors = form.formState.errors;

  if (sent) {
    return (
      <div className="rounded-md bg-emerald-50 p-3 text-sm">
        <p className="font-medium text-emerald-900">Sent {sent.when}: “{sent.subject}”</p>
        <p>To {sent.to.join(", ")} · cc {sent.cc.join(", ")}. Stored on the account.</p>
      </div>
    );
  }
  if (!csmName) {
    return (
      <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
        Waiting for the CSM: a CS manager approves the CSM suggested at closed-won — this can happen while you fill in the checklist. The introduction can be sent as soon as they do.
      </p>
    );
  }
  if (!canSend) return <p className="text-sm text-slate-500">The deal's AE sends the introduction.</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">
        Introduce {csmName} to the customer. Merge fields: {Object.keys(MERGE_FIELDS).map((field) => `{{${field}}}`).join(" ")}
      </p>
      <TextInput label="To" {...form.register("to")} error={errors.to?.message} />
      <TextInput label="Subject" {...form.register("subject")} error={errors.subject?.message} />
      <TextArea label="Message" rows={10} {...form.register("body")} error={errors.body?.message} />
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <p className="font-medium">Preview</p>
        <p className="mt-1 font-medium">{preview.subject.text}</p>
        <p className="mt-1 whitespace-pre-line">{preview.body.text}</p>
        {unknown.length > 0 ? <p className="mt-2 text-red-700">Unknown merge field: {unknown.map((f) => `{{${f}}}`).join(", ")}</p> : null}
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting || unknown.length > 0}>Send introduction</Button>
    </form>
  );
}
