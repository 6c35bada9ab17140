"use client";

import { decideCheckpointAction, overrideForecastAction, recordCheckpointAction, setForecastAction, updateContractTermsAction } from "@/components/forecast/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField, TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { CATEGORY_LABELS, FORECAST_CATEGORIES, FORECAST_OUTCOMES, OUTCOME_LABELS } from "@/lib/forecast/categories";
import { contractTermsSchema, decideCheckpointSchema, overrideForecastSchema, recordCheckpointSchema, setForecastSchema } from "@/lib/forecast/forms";
import type { ForecastCategory, ForecastOutcome } from "@/lib/generated/prisma/enums";

// The renewal page's forecast forms. Each form's ids carry its own prefix: several sit on one page.

const CATEGORY_OPTIONS = FORECAST_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));
const OUTCOME_OPTIONS = FORECAST_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));

export interface CallDefaults {
  category: ForecastCategory;
  amount: string;
  outcome: ForecastOutcome;
}

export function SetForecastForm({ renewalId, call, nextStep, nextStepDate }: { renewalId: string; call: CallDefaults; nextStep: string; nextStepDate: string }) {
  const { form, onSubmit, formError, message } = useActionForm(setForecastSchema, setForecastAction, { defaultValues: { renewalId, ...call, nextStep, nextStepDate } });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Your forecast">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id="forecast-category" label="Category" options={CATEGORY_OPTIONS} {...form.register("category")} error={errors.category?.message} />
        <TextInput id="forecast-amount" label="Forecast amount (USD ARR)" inputMode="decimal" {...form.register("amount")} error={errors.amount?.message} />
        <SelectField id="forecast-outcome" label="Outcome" options={OUTCOME_OPTIONS} {...form.register("outcome")} error={errors.outcome?.message} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <TextInput id="forecast-next-step" label="Next step" {...form.register("nextStep")} error={errors.nextStep?.message} />
        </div>
        <TextInput id="forecast-next-step-date" label="Next step date" type="date" {...form.register("nextStepDate")} error={errors.nextStepDate?.message} />
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Save forecast</Button>
    </form>
  );
}

export function OverrideForecastForm({ renewalId, call }: { renewalId: string; call: CallDefaults }) {
  const { form, onSubmit, formError, message } = useActionForm(overrideForecastSchema, overrideForecastAction, { defaultValues: { renewalId, ...call, reason: "" } });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Manager override">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id="override-category" label="Override category" options={CATEGORY_OPTIONS} {...form.register("category")} error={errors.category?.message} />
        <TextInput id="override-amount" label="Override amount (USD ARR)" inputMode="decimal" {...form.register("amount")} error={errors.amount?.message} />
        <SelectField id="override-outcome" label="Override outcome" options={OUTCOME_OPTIONS} {...form.register("outcome")} error={errors.outcome?.message} />
      </div>
      <TextArea id="override-reason" label="Why you override the CSM's call" rows={2} {...form.register("reason")} error={errors.reason?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Override forecast</Button>
    </form>
  );
}

export function RecordCheckpointForm({ checkpointId, daysBefore, call }: { checkpointId: string; daysBefore: number; call: CallDefaults }) {
  const { form, onSubmit, formError, message } = useActionForm(recordCheckpointSchema, recordCheckpointAction, { defaultValues: { checkpointId, category: call.category, amount: call.amount, outcome: call.outcome } });
  const errors = form.formState.errors;
  const prefix = `checkpoint-${checkpointId}`;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={`Your call at the ${daysBefore}-day checkpoint`}>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id={`${prefix}-category`} label="Category at the checkpoint" options={CATEGORY_OPTIONS} {...form.register("category")} error={errors.category?.message} />
        <TextInput id={`${prefix}-amount`} label="Amount at the checkpoint (USD ARR)" inputMode="decimal" {...form.register("amount")} error={errors.amount?.message} />
        <SelectField id={`${prefix}-outcome`} label="Outcome at the checkpoint" options={OUTCOME_OPTIONS} {...form.register("outcome")} error={errors.outcome?.message} />
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Record the call</Button>
    </form>
  );
}

export function DecideCheckpointForm({ checkpointId, daysBefore, call }: { checkpointId: string; daysBefore: number; call: Omit<CallDefaults, "outcome"> }) {
  const { form, onSubmit, formError, message } = useActionForm(decideCheckpointSchema, decideCheckpointAction, { defaultValues: { checkpointId, category: call.category, amount: call.amount, reason: "" } });
  const errors = form.formState.errors;
  const prefix = `decide-${checkpointId}`;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={`Decide the ${daysBefore}-day checkpoint`}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id={`${prefix}-category`} label="Decided category" options={CATEGORY_OPTIONS} {...form.register("category")} error={errors.category?.message} />
        <TextInput id={`${prefix}-amount`} label="Decided amount (USD ARR)" inputMode="decimal" {...form.register("amount")} error={errors.amount?.message} />
      </div>
      <TextArea id={`${prefix}-reason`} label="Reason for the decision" rows={2} {...form.register("reason")} error={errors.reason?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Decide</Button>
    </form>
  );
}

export function ContractTermsForm({ renewalId, autoRenew, noticeDays, upliftPct }: { renewalId: string; autoRenew: boolean; noticeDays: string; upliftPct: string }) {
  const { form, onSubmit, formError, message } = useActionForm(contractTermsSchema, updateContractTermsAction, { defaultValues: { renewalId, autoRenew, noticeDays, upliftPct } });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Contract terms">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput id="terms-notice" label="Notice period (days)" type="number" min={0} max={365} hint="The decision date is the renewal date minus this" {...form.register("noticeDays")} error={errors.noticeDays?.message} />
        <TextInput id="terms-uplift" label="Price uplift (%)" type="number" min={0} max={100} step={0.01} hint="A flat renewal includes it" {...form.register("upliftPct")} error={errors.upliftPct?.message} />
      </div>
      <div className="flex items-center gap-2">
        <input id="terms-auto-renew" type="checkbox" className="h-4 w-4" {...form.register("autoRenew")} />
        <label htmlFor="terms-auto-renew" className="text-sm text-slate-700">Renews automatically unless cancelled</label>
      </div>
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Save contract terms</Button>
    </form>
  );
}
