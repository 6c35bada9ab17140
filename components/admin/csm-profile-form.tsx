"use client";

import { useActionState } from "react";
import { saveCsmProfileAction, type CsmProfileState } from "@/components/admin/csm-profile-actions";
import { FormMessages } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { centsToDollars } from "@/lib/imports/fields";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { Segment } from "@/lib/generated/prisma/enums";
import type { CsmProfileEditor } from "@/lib/server/csm-profiles/csm-profiles";

export interface CsmProfileFormProps {
  userId: string;
  // Money travels to the browser as a string of cents.
  profile: Omit<CsmProfileEditor["profile"], "maxArrCents"> & { maxArrCents: string };
  products: { id: string; name: string; technical: boolean }[];
}

const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-500";
const SEGMENTS = Object.keys(SEGMENT_LABELS) as Segment[];

function Text({ name, label, defaultValue, errors, hint }: { name: string; label: string; defaultValue: string; errors?: string[]; hint?: string }) {
  const id = `csm-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input id={id} name={name} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined} className={input} />
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-700">{errors[0]}</p> : null}
    </div>
  );
}

function Checks({ legend, name, options, checked }: { legend: string; name: string; options: { value: string; label: string }[]; checked: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CsmProfileForm({ userId, profile, products }: CsmProfileFormProps) {
  const [state, action, pending] = useActionState<CsmProfileState, FormData>(saveCsmProfileAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="csm-tier" className="block text-sm font-medium text-slate-700">Tier</label>
          <select id="csm-tier" name="tier" defaultValue={profile.tier} className={input}>
            {SEGMENTS.map((segment) => (
              <option key={segment} value={segment}>{SEGMENT_LABELS[segment]}</option>
            ))}
          </select>
        </div>
        <Text name="maxAccounts" label="Maximum accounts" defaultValue={String(profile.maxAccounts)} errors={errors.maxAccounts} />
        <Text name="maxArr" label="Maximum ARR ($)" defaultValue={centsToDollars(BigInt(profile.maxArrCents))} errors={errors.maxArr} />
        <Text name="region" label="Region" defaultValue={profile.region} errors={errors.region} />
        <Text name="timezone" label="Time zone" defaultValue={profile.timezone} errors={errors.timezone} hint="IANA name, e.g. Europe/Berlin" />
        <Text name="languages" label="Languages" defaultValue={profile.languages.join(", ")} errors={errors.languages} hint="Separated by commas" />
        <Text name="industries" label="Industries" defaultValue={profile.industries.join(", ")} errors={errors.industries} hint="Separated by commas" />
        <Text name="npsScore" label="NPS score (−100 to 100)" defaultValue={profile.npsScore} errors={errors.npsScore} />
        <Text name="retentionRate" label="Retention rate (%)" defaultValue={profile.retentionRate} errors={errors.retentionRate} />
      </div>
      <Checks legend="Segment expertise" name="segments" options={SEGMENTS.map((value) => ({ value, label: SEGMENT_LABELS[value] }))} checked={profile.segments} />
      <Checks legend="Product expertise" name="productIds" options={products.map((p) => ({ value: p.id, label: p.name }))} checked={profile.productIds} />
      <Checks
        legend="Product certifications (needed for technical products)"
        name="certificationIds"
        options={products.map((p) => ({ value: p.id, label: `${p.name}${p.technical ? " (technical)" : ""}` }))}
        checked={profile.certificationIds}
      />
      <FormMessages error={state && !state.ok ? state.error : null} message={state?.ok ? (state.message ?? "Saved.") : null} />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save profile"}</Button>
    </form>
  );
}
