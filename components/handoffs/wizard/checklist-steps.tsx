"use client";

import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { LinesField, SelectField, TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { CONTACT_ROLES, PRIORITIES, RISK_SEVERITIES, SEGMENTS, type ChecklistDraft, type ChecklistItemKey } from "@/lib/handoff/checklist";

export interface StepProps {
  errors: Record<string, string>;
  disabled: boolean;
  products: { id: string; name: string; technical: boolean }[];
}

const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
const options = (values: readonly string[]) => values.map((value) => ({ value, label: label(value) }));

function ContractStep({ errors, disabled, products }: StepProps) {
  const { register, control } = useFormContext<ChecklistDraft>();
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <TextInput label="ARR (USD)" {...register("contract.arr")} error={errors.arr} disabled={disabled} inputMode="decimal" />
      <TextInput label="Term (months)" type="number" {...register("contract.termMonths")} error={errors.termMonths} disabled={disabled} />
      <TextInput label="Contract start" type="date" {...register("contract.contractStart")} error={errors.contractStart} disabled={disabled} />
      <SelectField label="Segment" options={options(SEGMENTS).map((o) => ({ ...o, label: o.value === "MID_MARKET" ? "Mid-Market" : o.label }))} {...register("contract.segment")} error={errors.segment} disabled={disabled} hint="Decides the CSM tier" />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" disabled={disabled} {...register("contract.strategic")} />
        Strategic account (needs the handoff meeting before submit)
      </label>
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" disabled={disabled} {...register("contract.needsOnsite")} />
        Needs on-site work (CSM from the same region)
      </label>
      <Controller
        control={control}
        name="contract.productIds"
        render={({ field }) => (
          <fieldset className="sm:col-span-3" aria-describedby={errors.productIds ? "products-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Products</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {products.map((product) => {
                const checked = field.value?.includes(product.id) ?? false;
                return (
                  <label key={product.id} className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      disabled={disabled}
                      checked={checked}
                      onChange={() => field.onChange(checked ? (field.value ?? []).filter((id) => id !== product.id) : [...(field.value ?? []), product.id])}
                    />
                    {product.name}
                    {product.technical ? <span className="text-xs text-slate-500">(technical)</span> : null}
                  </label>
                );
              })}
            </div>
            {errors.productIds ? <p id="products-error" className="mt-1 text-sm text-red-700">{errors.productIds}</p> : null}
          </fieldset>
        )}
      />
    </div>
  );
}

function WhyStep({ errors, disabled }: StepProps) {
  const { register, control } = useFormContext<ChecklistDraft>();
  return (
    <div className="space-y-4">
      <TextArea label="Why they bought" {...register("whyTheyBought.winReason")} error={errors.winReason} disabled={disabled} />
      <Controller control={control} name="whyTheyBought.painPoints" render={({ field }) => <LinesField label="Pain points" name="whyTheyBought.painPoints" value={field.value} onChange={field.onChange} error={errors.painPoints} disabled={disabled} />} />
    </div>
  );
}

function CriteriaStep({ errors, disabled }: StepProps) {
  const { register, control } = useFormContext<ChecklistDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: "successCriteria.criteria" });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">Measurable ROI metrics the customer agreed to: where they are today and where they will be, by when.</p>
      {fields.map((field, index) => (
        <fieldset key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-5">
          <legend className="px-1 text-sm font-medium">Criterion {index + 1}</legend>
          <div className="sm:col-span-2"><TextInput label={`Metric (criterion ${index + 1})`} {...register(`successCriteria.criteria.${index}.metric`)} error={errors[`criteria.${index}.metric`]} disabled={disabled} /></div>
          <TextInput label={`Baseline (criterion ${index + 1})`} {...register(`successCriteria.criteria.${index}.baseline`)} error={errors[`criteria.${index}.baseline`]} disabled={disabled} />
          <TextInput label={`Target (criterion ${index + 1})`} {...register(`successCriteria.criteria.${index}.target`)} error={errors[`criteria.${index}.target`]} disabled={disabled} />
          <TextInput label={`Due by (criterion ${index + 1})`} type="date" {...register(`successCriteria.criteria.${index}.dueBy`)} error={errors[`criteria.${index}.dueBy`]} disabled={disabled} />
          {!disabled ? <button type="button" className="text-left text-sm text-red-700 underline sm:col-span-5" onClick={() => remove(index)}>Remove criterion {index + 1}</button> : null}
        </fieldset>
      ))}
      {errors.criteria ? <p className="text-sm text-red-700">{errors.criteria}</p> : null}
      {!disabled ? <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" onClick={() => append({ metric: "", baseline: "", target: "", dueBy: "" })}>Add success criterion</button> : null}
    </div>
  );
}

function StakeholdersStep({ errors, disabled }: StepProps) {
  const { register, control } = useFormContext<ChecklistDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: "stakeholders.contacts" });
  // One card per stakeholder, its fields in a grid that folds to one column on a phone: nothing scrolls
  // sideways, and every field keeps its label and its error.
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">The people the CSM will work with; name at least one champion.</p>
      <ul aria-label="Key stakeholders" className="space-y-3">
        {fields.map((field, index) => {
          const row = index + 1;
          const at = (name: string) => errors[`contacts.${index}.${name}`];
          return (
            <li key={field.id} aria-label={`Stakeholder ${row}`}>
              <fieldset className="grid min-w-0 gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
                <legend className="px-1 text-sm font-medium">Stakeholder {row}</legend>
                <TextInput label={`Name (stakeholder ${row})`} {...register(`stakeholders.contacts.${index}.name`)} error={at("name")} disabled={disabled} />
                <TextInput label={`Title (stakeholder ${row})`} {...register(`stakeholders.contacts.${index}.title`)} error={at("title")} disabled={disabled} />
                <SelectField label={`Role (stakeholder ${row})`} options={options(CONTACT_ROLES)} {...register(`stakeholders.contacts.${index}.role`)} error={at("role")} disabled={disabled} />
                <TextInput label={`Email (stakeholder ${row})`} type="email" {...register(`stakeholders.contacts.${index}.email`)} error={at("email")} disabled={disabled} />
                <SelectField label={`Priority (stakeholder ${row})`} options={options(PRIORITIES)} {...register(`stakeholders.contacts.${index}.priority`)} error={at("priority")} disabled={disabled} />
                <TextInput label={`Notes (stakeholder ${row})`} {...register(`stakeholders.contacts.${index}.notes`)} error={at("notes")} disabled={disabled} />
                {!disabled ? (
                  <button type="button" className="justify-self-start text-sm text-red-700 underline sm:col-span-2 lg:col-span-3" onClick={() => remove(index)}>
                    Remove stakeholder {row}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {errors.contacts ? <p className="text-sm text-red-700">{errors.contacts}</p> : null}
      {!disabled ? <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" onClick={() => append({ name: "", title: "", role: undefined, email: "", priority: "MEDIUM", notes: "" })}>Add stakeholder</button> : null}
    </div>
  );
}

function TechnicalStep({ errors, disabled }: StepProps) {
  const { control } = useFormContext<ChecklistDraft>();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Controller control={control} name="technicalRequirements.requirements" render={({ field }) => <LinesField label="Technical requirements" name="technicalRequirements.requirements" value={field.value} onChange={field.onChange} error={errors.requirements} disabled={disabled} />} />
      <Controller control={control} name="technicalRequirements.integrations" render={({ field }) => <LinesField label="Integrations needed" name="technicalRequirements.integrations" value={field.value} onChange={field.onChange} error={errors.integrations} disabled={disabled} />} />
    </div>
  );
}

function TimelineStep({ errors, disabled }: StepProps) {
  const { register } = useFormContext<ChecklistDraft>();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextInput label="Implementation start" type="date" {...register("implementationTimeline.start")} error={errors.start} disabled={disabled} />
      <TextInput label="Go-live" type="date" {...register("implementationTimeline.goLive")} error={errors.goLive} disabled={disabled} />
      <div className="sm:col-span-2"><TextArea label="Timeline notes" {...register("implementationTimeline.notes")} error={errors.notes} disabled={disabled} /></div>
    </div>
  );
}

function CompetitiveStep({ errors, disabled }: StepProps) {
  const { register } = useFormContext<ChecklistDraft>();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Optional.</p>
      <TextInput label="Competitor considered" {...register("competitiveContext.competitor")} error={errors.competitor} disabled={disabled} />
      <TextArea label="Competitive notes" {...register("competitiveContext.notes")} error={errors.notes} disabled={disabled} />
    </div>
  );
}

function RisksStep({ errors, disabled }: StepProps) {
  const { register, control } = useFormContext<ChecklistDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: "riskFactors.risks" });
  return (
    <div className="space-y-3">
      {fields.map((field, index) => (
        <fieldset key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-4">
          <legend className="px-1 text-sm font-medium">Risk {index + 1}</legend>
          <div className="sm:col-span-2"><TextInput label={`Risk (risk ${index + 1})`} {...register(`riskFactors.risks.${index}.description`)} error={errors[`risks.${index}.description`]} disabled={disabled} /></div>
          <SelectField label={`Severity (risk ${index + 1})`} options={options(RISK_SEVERITIES)} {...register(`riskFactors.risks.${index}.severity`)} error={errors[`risks.${index}.severity`]} disabled={disabled} />
          <TextInput label={`Mitigation (risk ${index + 1})`} {...register(`riskFactors.risks.${index}.mitigation`)} error={errors[`risks.${index}.mitigation`]} disabled={disabled} />
          {!disabled ? <button type="button" className="text-left text-sm text-red-700 underline sm:col-span-4" onClick={() => remove(index)}>Remove risk {index + 1}</button> : null}
        </fieldset>
      ))}
      {errors.risks ? <p className="text-sm text-red-700">{errors.risks}</p> : null}
      {!disabled ? <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" onClick={() => append({ description: "", severity: undefined, mitigation: "" })}>Add risk factor</button> : null}
    </div>
  );
}

export const CHECKLIST_STEPS: Record<ChecklistItemKey, (props: StepProps) => React.ReactNode> = {
  contract: ContractStep,
  whyTheyBought: WhyStep,
  successCriteria: CriteriaStep,
  stakeholders: StakeholdersStep,
  technicalRequirements: TechnicalStep,
  implementationTimeline: TimelineStep,
  competitiveContext: CompetitiveStep,
  riskFactors: RisksStep,
};
