"use client";

import { identifyExpansionAction, recordMilestonesAction, updateHealthAction } from "@/components/accounts/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { expansionSchema, healthUsageSchema, milestonesSchema } from "@/lib/renewals/forms";

export function HealthForm({ accountId, healthScore, usagePct }: { accountId: string; healthScore: number; usagePct: number }) {
  const { form, onSubmit, formError, message } = useActionForm(healthUsageSchema, updateHealthAction, { defaultValues: { accountId, healthScore, usagePct } });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput label="Health score (0–100)" type="number" min={0} max={100} step={1} {...form.register("healthScore")} error={form.formState.errors.healthScore?.message} />
        <TextInput label="Usage (% of entitlement)" type="number" min={0} max={100} step={0.01} {...form.register("usagePct")} error={form.formState.errors.usagePct?.message} />
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Save health and usage</Button>
    </form>
  );
}

export function MilestonesForm({ accountId, goLiveAt, firstValueAt }: { accountId: string; goLiveAt: string; firstValueAt: string }) {
  const { form, onSubmit, formError, message } = useActionForm(milestonesSchema, recordMilestonesAction, { defaultValues: { accountId, goLiveAt, firstValueAt } });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput label="Go-live date" type="date" {...form.register("goLiveAt")} error={form.formState.errors.goLiveAt?.message} />
        <TextInput label="First value reached on" type="date" hint="Time to first value is counted from the close to this date." {...form.register("firstValueAt")} error={form.formState.errors.firstValueAt?.message} />
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Save milestones</Button>
    </form>
  );
}

export function ExpansionForm({ accountId, potential }: { accountId: string; potential: string }) {
  const { form, onSubmit, formError, message } = useActionForm(expansionSchema, identifyExpansionAction, { defaultValues: { accountId, potential, notes: "" } });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <TextInput label="Expansion potential (USD ARR)" inputMode="decimal" {...form.register("potential")} error={form.formState.errors.potential?.message} />
      <TextArea label="What was identified" rows={3} {...form.register("notes")} error={form.formState.errors.notes?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Expansion identified</Button>
    </form>
  );
}
