"use client";

import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { LinesField, SelectField, TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { CONTACT_ROLES, PRIORITIES, RISK_SEVERITIES, type ChecklistDraft, type ChecklistItemKey } from "@/lib/handoff/checklist";

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
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Key stakeholders</caption>
          <thead>
            <tr className="text-left text-slate-500">
              {["Name", "Title", "Role", "Email", "Priority", "Notes", ""].map((heading) => <th key={heading} scope="col" className="px-1 py-1 font-medium">{heading}</th>)}
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => {
              const row = index + 1;
              const cellError = (name: string) => errors[`contacts.${index}.${name}`];
              const input = "w-full min-w-28 rounded border border-slate-300 px-2 py-1 aria-invalid:border-red-500";
              return (
                <tr key={field.id} className="align-top">
                  <td className="p-1"><input aria-label={`Name (stakeholder ${row})`} aria-invalid={cellError("name") ? true : undefined} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.name`)} /></td>
                  <td className="p-1"><input aria-label={`Title (stakeholder ${row})`} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.title`)} /></td>
                  <td className="p-1">
                    <select aria-label={`Role (stakeholder ${row})`} aria-invalid={cellError("role") ? true : undefined} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.role`)}>
                      <option value="">Choose…</option>
                      {options(CONTACT_ROLES).map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                    </select>
                  </td>
                  <td className="p-1"><input aria-label={`Email (stakeholder ${row})`} type="email" aria-invalid={cellError("email") ? true : undefined} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.email`)} /></td>
                  <td className="p-1">
                    <select aria-label={`Priority (stakeholder ${row})`} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.priority`)}>
                      <option value="">Choose…</option>
                      {options(PRIORITIES).map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                    </select>
                  </td>
                  <td className="p-1"><input aria-label={`Notes (stakeholder ${row})`} className={input} disabled={disabled} {...register(`stakeholders.contacts.${index}.notes`)} /></td>
                  <td className="p-1">{!disabled ? <button type="button" className="text-red-700 underline" onClick={() => remove(index)}>Remove stakeholder {row}</button> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="space-y-1 text-sm text-red-700">
        {Object.entries(errors).map(([path, message]) => {
          const match = /^contacts\.(\d+)\.(\w+)$/.exec(path);
          return <li key={path}>{match ? `Stakeholder ${Number(match[1]) + 1}, ${match[2]}: ${message}` : message}</li>;
        })}
      </ul>
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
