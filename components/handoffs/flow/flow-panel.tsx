"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import {
  expansionDealAction,
  expansionLeadAction,
  expansionScopeAction,
  forecastCallAction,
  planningHeldAction,
  renewalPlanAction,
  stakeholdersConfirmedAction,
} from "@/components/handoffs/actions";
import { Button } from "@/components/ui/button";
import { PersonPicker, type PickerOption } from "@/components/ui/person-picker";
import type { ActionResult } from "@/lib/server/actions/result";

// The guided flow of a Renewal or Expansion handoff: each step with who does it, done or open, and the form
// for the open ones. Plain forms (FormData), each naming its fields so the server's field errors land there.

export interface FlowPanelStep {
  step: string;
  label: string;
  who: string;
  state: "done" | "open" | "not_required";
  note?: string;
  doneBy: string | null;
  summary: string | null;
  link?: { href: string; label: string } | null;
}

export interface FlowPanelProps {
  handoffId: string;
  type: "RENEWAL" | "EXPANSION";
  steps: FlowPanelStep[];
  canAct: boolean;
  renewalPlanOnly: boolean;
  contacts: { id: string; name: string; title: string; role: string }[];
  catalogue: { id: string; name: string }[];
  openDeals: { id: string; name: string }[];
  /** The expansion deal's owner until another AE is chosen: the account's AE, or the AE who opened the flow. */
  defaultOwner: PickerOption | null;
  today: string;
}

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

function StepForm({ handoffId, action, children, submit }: { handoffId: string; action: Action; children: (errors: Record<string, string[]>) => React.ReactNode; submit: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: Record<string, unknown> = { handoffId };
    for (const key of new Set(data.keys())) {
      const values = data.getAll(key).map(String);
      input[key] = key === "stillInRole" || key === "productIds" ? values : values[0];
    }
    input.stillInRole ??= event.currentTarget.querySelector('[name="stillInRole"]') ? [] : undefined;
    input.productIds ??= event.currentTarget.querySelector('[name="productIds"]') ? [] : undefined;
    setBusy(true);
    const result = await action(input);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) (event.currentTarget.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
      return;
    }
    setErrors({});
    setMessage(null);
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-3" noValidate>
      {children(errors)}
      {message ? <p role="alert" className="text-sm text-red-700">{message}</p> : null}
      <Button type="submit" disabled={busy}>{busy ? "Saving…" : submit}</Button>
    </form>
  );
}

function Field({ name, label, errors, type = "text", textarea, hint, defaultValue }: { name: string; label: string; errors: Record<string, string[]>; type?: string; textarea?: boolean; hint?: string; defaultValue?: string }) {
  const id = `flow-${name}`;
  const error = errors[name]?.[0];
  const props = { id, name, defaultValue, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined, className: "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-500" };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {textarea ? <textarea rows={3} {...props} /> : <input type={type} {...props} />}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

function Choice({ name, label, errors, options }: { name: string; label: string; errors: Record<string, string[]>; options: { value: string; label: string }[] }) {
  const id = `flow-${name}`;
  const error = errors[name]?.[0];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        <option value="">Choose…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

function Checks({ name, legend, errors, options }: { name: string; legend: string; errors: Record<string, string[]>; options: { value: string; label: string }[] }) {
  const error = errors[name]?.[0];
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm"><input type="checkbox" name={name} value={o.value} />{o.label}</label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

function ExpansionDealForm(props: FlowPanelProps) {
  const [mode, setMode] = useState<"create" | "link">(props.openDeals.length > 0 ? "link" : "create");
  return (
    <div>
      <div className="mt-2 flex gap-4 text-sm">
        <label className="inline-flex items-center gap-2"><input type="radio" checked={mode === "create"} onChange={() => setMode("create")} />Create a new expansion deal</label>
        <label className="inline-flex items-center gap-2"><input type="radio" checked={mode === "link"} onChange={() => setMode("link")} disabled={props.openDeals.length === 0} />Link an open one</label>
      </div>
      <StepForm key={mode} handoffId={props.handoffId} action={expansionDealAction} submit={mode === "create" ? "Create the expansion deal" : "Link the deal"}>
        {(errors) => (
          <>
            <input type="hidden" name="mode" value={mode} />
            {mode === "link" ? (
              <Choice name="dealId" label="Open expansion deal" errors={errors} options={props.openDeals.map((d) => ({ value: d.id, label: d.name }))} />
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                <Field name="name" label="Deal name" errors={errors} />
                <Field name="amount" label="ARR (USD)" errors={errors} />
                <Field name="closeDate" label="Expected close" type="date" errors={errors} defaultValue={props.today} />
                <PersonPicker id="flow-ownerId" name="ownerId" label="Deal owner (AE)" lookup={`/api/handoffs/${props.handoffId}/people?for=owner`} allLabel="Choose…" selected={props.defaultOwner} wide error={errors.ownerId?.[0]} />
              </div>
            )}
          </>
        )}
      </StepForm>
    </div>
  );
}

function OpenStep({ step, props }: { step: FlowPanelStep; props: FlowPanelProps }) {
  const id = props.handoffId;
  switch (step.step) {
    case "RENEWAL_PLAN":
      return (
        <StepForm handoffId={id} action={renewalPlanAction} submit="Record the renewal plan">
          {(errors) => (
            <>
              <Field name="strategy" label="Renewal plan" textarea errors={errors} hint="Goals for the renewal, pricing approach, who decides" />
              <div className="grid gap-3 sm:grid-cols-2">
                <Field name="targetAmount" label="Target renewal ARR (USD, optional)" errors={errors} />
                <Field name="nextStep" label="Next step and when" errors={errors} />
              </div>
              <Field name="risks" label="Risks to the renewal (optional)" textarea errors={errors} />
            </>
          )}
        </StepForm>
      );
    case "STAKEHOLDERS_CONFIRMED":
      return (
        <StepForm handoffId={id} action={stakeholdersConfirmedAction} submit="Confirm the stakeholders">
          {(errors) => (
            <>
              <Checks name="stillInRole" legend="Still in role (tick each one you re-confirmed)" errors={errors} options={props.contacts.map((c) => ({ value: c.id, label: `${c.name}${c.title ? `, ${c.title}` : ""}` }))} />
              {props.contacts.length === 0 ? <p className="text-sm text-slate-600">The account has no stakeholders on record; add them on the account first.</p> : null}
              <Field name="notes" label="Changes (who left, who is new)" textarea errors={errors} />
            </>
          )}
        </StepForm>
      );
    case "FORECAST_CALL":
      return (
        <StepForm handoffId={id} action={forecastCallAction} submit="Record the forecast call">
          {(errors) => <Field name="notes" label="Forecast call notes" textarea errors={errors} />}
        </StepForm>
      );
    case "RENEWAL_PLANNING_DONE":
      return (
        <StepForm handoffId={id} action={planningHeldAction} submit="Mark the planning touchpoint held">
          {(errors) => <Field name="notes" label="What the renewal-planning touchpoint covered" textarea errors={errors} />}
        </StepForm>
      );
    case "EXPANSION_SCOPE":
      return (
        <StepForm handoffId={id} action={expansionScopeAction} submit="Record the upsell scope">
          {(errors) => (
            <>
              <Checks name="productIds" legend="Upsell products" errors={errors} options={props.catalogue.map((p) => ({ value: p.id, label: p.name }))} />
              <Field name="potential" label="Estimated potential (USD ARR)" errors={errors} />
              <Field name="notes" label="Notes (optional)" textarea errors={errors} />
            </>
          )}
        </StepForm>
      );
    case "EXPANSION_LEAD":
      return (
        <StepForm handoffId={id} action={expansionLeadAction} submit="Record who leads">
          {(errors) => <PersonPicker id="flow-leadId" name="leadId" label="Who leads the expansion" lookup={`/api/handoffs/${id}/people?for=lead`} allLabel="Choose…" selected={null} wide error={errors.leadId?.[0]} />}
        </StepForm>
      );
    case "EXPANSION_DEAL":
      return <ExpansionDealForm {...props} />;
    default:
      return null;
  }
}

export function FlowPanel(props: FlowPanelProps) {
  const done = props.steps.filter((s) => s.state !== "open").length;
  return (
    <section aria-labelledby="flow-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="flow-heading" className="text-lg font-semibold">{props.type === "RENEWAL" ? "Renewal planning" : "Expansion coordination"}</h2>
        <p className="text-sm text-slate-600"><strong>{done} of {props.steps.length}</strong> steps done</p>
      </div>
      <ol className="space-y-3">
        {props.steps.map((step, index) => (
          <li key={step.step} className="rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{index + 1}. {step.label}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${step.state === "done" ? "bg-emerald-100 text-emerald-800" : step.state === "open" ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-600"}`}>
                {step.state === "done" ? "Done" : step.state === "open" ? "Open" : "Not required yet"}
              </span>
            </p>
            <p className="text-xs text-slate-500">{step.who}{step.note ? ` · ${step.note}` : ""}</p>
            {step.state === "done" ? <p className="mt-1 text-sm text-slate-700">{step.summary}{step.doneBy ? ` — ${step.doneBy}` : ""}{step.link ? <> · <a className="text-brand-700 underline" href={step.link.href}>{step.link.label}</a></> : null}</p> : null}
            {step.state === "open" && props.canAct && (!props.renewalPlanOnly || step.step === "RENEWAL_PLAN") ? <OpenStep step={step} props={props} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
