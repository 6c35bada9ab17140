"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useFormState, useWatch } from "react-hook-form";
import { submitHandoffAction } from "@/components/handoffs/actions";
import { CHECKLIST_STEPS } from "@/components/handoffs/wizard/checklist-steps";
import { ProgressRail } from "@/components/handoffs/wizard/progress-rail";
import { wizardRail, type RailItem } from "@/lib/handoff/policy-steps";
import { readLocalCopy, useAutosave, type SaveState } from "@/components/handoffs/wizard/use-autosave";
import { visibleErrors } from "@/components/handoffs/wizard/visible-errors";
import { Button } from "@/components/ui/button";
import { CHECKLIST_ITEM_KEYS, CHECKLIST_ITEM_LABELS, checklistStatus, itemFieldErrors, type ChecklistDraft, type ChecklistItemKey, type ItemStatus } from "@/lib/handoff/checklist";
import type { NextStep } from "@/lib/handoff/next-steps";

export interface HandoffWizardProps {
  handoffId: string;
  version: number;
  checklist: ChecklistDraft;
  products: { id: string; name: string; technical: boolean }[];
  /** YYYY-MM-DD: the contract cannot start before it. */
  closeDate?: string;
  editable: boolean;
  submitted: boolean;
  /** Server-side gates beyond the checklist (e.g. the strategic-account meeting rule), each with its step. */
  submitBlockers: { text: string; step: string }[];
  policyItems: RailItem[];
  policyPanels: Record<string, React.ReactNode>;
  /** Who acts next, and on what (lib/handoff/next-steps.ts). */
  nextSteps: NextStep[];
  initialStep?: string;
}

function SaveIndicator({ state, problems }: { state: SaveState; problems: number }) {
  let text = "";
  let bad = false;
  if (state.kind === "pending") text = "Unsaved changes — saving shortly…";
  else if (state.kind === "saving") text = "Saving…";
  else if (state.kind === "offline" || state.kind === "error") [text, bad] = [state.message, true];
  else if (state.kind === "stale") [text, bad] = ["Not saved: changed elsewhere (see above)", true];
  else if (state.kind === "saved") text = problems > 0 ? `Draft saved — ${problems} field${problems === 1 ? " needs" : "s need"} attention` : "All changes saved";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${bad ? "text-red-700" : problems > 0 && state.kind === "saved" ? "text-amber-800" : "text-slate-500"}`}>
      {text}
    </p>
  );
}

const ITEM_KEYS = CHECKLIST_ITEM_KEYS as string[];

/**
 * The step shown, the steps already left (their errors show), and choosing a step: it is kept in the URL, brought
 * into view (on a phone the list sits above it) and focused — its first field that needs attention, or its heading.
 */
function useWizardStep(initialStep: string) {
  const [step, setStep] = useState<string>(initialStep);
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<{ step: string; field: boolean } | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusRequest || focusRequest.step !== step) return;
    const section = sectionRef.current;
    const invalid = focusRequest.field ? section?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    section?.scrollIntoView({ block: "start" });
    (invalid ?? headingRef.current)?.focus();
    setFocusRequest(null);
  }, [focusRequest, step, shown]);

  function select(next: string, options: { focusField?: boolean } = {}) {
    setShown((previous) => new Set(previous).add(step).add(options.focusField ? next : step));
    setStep(next);
    setFocusRequest({ step: next, field: options.focusField ?? false });
    const url = new URL(window.location.href);
    url.searchParams.set("step", next);
    window.history.replaceState(null, "", url);
  }

  return { step, shown, setShown, select, sectionRef, headingRef };
}

export function HandoffWizard(props: HandoffWizardProps) {
  const router = useRouter();
  const [restored, setRestored] = useState(false);
  const form = useForm<ChecklistDraft>({ defaultValues: props.checklist });
  const values = useWatch({ control: form.control }) as ChecklistDraft;
  const { touchedFields, dirtyFields } = useFormState({ control: form.control });
  const { state, queue, resolveStale, saveNow } = useAutosave(props.handoffId, props.version, props.editable);
  const { step, shown, setShown, select, sectionRef, headingRef } = useWizardStep(props.initialStep ?? "contract");
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const first = useRef(true);
  const context = useMemo(() => ({ closeDate: props.closeDate }), [props.closeDate]);

  // A copy left in this browser by a crash or a lost connection comes back, and is saved.
  useEffect(() => {
    if (!props.editable) return;
    const local = readLocalCopy(props.handoffId, props.version);
    if (local) {
      form.reset(local);
      setRestored(true);
    }
  }, [form, props.editable, props.handoffId, props.version]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    queue(values);
  }, [values, queue]);

  const statuses = useMemo(() => checklistStatus(values, context), [values, context]);
  const rail = wizardRail({ statuses, submitted: props.submitted, submitBlockers: props.submitBlockers, policyItems: props.policyItems });
  const { missing, blocked } = rail;

  const isChecklistStep = ITEM_KEYS.includes(step);
  const StepForm = isChecklistStep ? CHECKLIST_STEPS[step as ChecklistItemKey] : null;
  const allErrors = isChecklistStep ? itemFieldErrors(step as ChecklistItemKey, values, context) : {};
  // Errors show at their fields once the person has touched them, left the step, or tried to submit.
  const stepErrors = isChecklistStep && props.editable ? visibleErrors(allErrors, step, shown.has(step) || submitError !== null, touchedFields, dirtyFields) : {};
  const heading = isChecklistStep ? CHECKLIST_ITEM_LABELS[step as ChecklistItemKey] : step === "submit" ? "Submit checklist" : (props.policyItems.find((item) => item.key === step)?.label ?? "Acknowledge");

  function submit() {
    startSubmit(async () => {
      setSubmitError(null);
      setShown(new Set(CHECKLIST_ITEM_KEYS));
      if (!(await saveNow(form.getValues()))) {
        setSubmitError("Your latest changes are not saved yet; resolve the message above and try again.");
        return;
      }
      const result = await submitHandoffAction({ handoffId: props.handoffId });
      if (!result.ok) {
        setSubmitError(result.error);
        const firstMissing = missing[0];
        if (firstMissing) select(firstMissing.key, { focusField: true });
        return;
      }
      router.refresh();
    });
  }

  return (
    <FormProvider {...form}>
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr] lg:gap-6">
        <ProgressRail
          groups={[
            { title: "Checklist", items: [...rail.checklist, rail.submit] },
            { title: "72-hour policy steps", items: props.policyItems },
          ]}
          current={step}
          currentLabel={heading}
          progress={rail.progress}
          onSelect={(key) => select(key)}
        />
        <section ref={sectionRef} aria-labelledby="step-heading" className="min-w-0 scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
          {restored ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Restored changes this browser had not saved yet; they are being saved now.</p> : null}
          {state.kind === "stale" ? (
            <StaleNotice
              version={state.version}
              onTheirs={() => { form.reset(state.checklist); first.current = true; resolveStale("theirs", state.checklist); }}
              onMine={() => resolveStale("mine", form.getValues())}
            />
          ) : null}
          {submitError && step !== "submit" ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{submitError}</p> : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">{heading}</h2>
            {props.editable ? <SaveIndicator state={state} problems={Object.keys(stepErrors).length} /> : null}
          </div>
          {StepForm ? <StepForm errors={stepErrors} disabled={!props.editable} products={props.products} /> : null}
          {step === "submit" ? (
            <SubmitStep
              submitted={props.submitted}
              editable={props.editable}
              nextSteps={props.nextSteps}
              missing={missing}
              submitBlockers={props.submitBlockers}
              blocked={blocked}
              submitting={submitting}
              submitError={submitError}
              onSubmit={submit}
              onSelect={select}
            />
          ) : null}
          {!isChecklistStep && step !== "submit" ? props.policyPanels[step] : null}
          {isChecklistStep ? (
            <div className="flex flex-wrap justify-between gap-2 border-t border-slate-100 pt-3">
              <NavButton keys={[...ITEM_KEYS, "submit"]} step={step} offset={-1} onSelect={select} />
              <NavButton keys={[...ITEM_KEYS, "submit"]} step={step} offset={1} onSelect={select} />
            </div>
          ) : null}
        </section>
      </div>
    </FormProvider>
  );
}

function StaleNotice({ version, onTheirs, onMine }: { version: number; onTheirs: () => void; onMine: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>This checklist was changed in another tab or by another session (version {version}). Your last change was not saved, so nothing was overwritten.</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onTheirs}>Load the newer version</Button>
        <Button variant="secondary" onClick={onMine}>Keep my version and save it</Button>
      </div>
    </div>
  );
}

/** The submit step: what still stands before the submit (each a link to its step), or what comes next once submitted. */
function SubmitStep(props: {
  submitted: boolean;
  editable: boolean;
  nextSteps: NextStep[];
  missing: ItemStatus[];
  submitBlockers: { text: string; step: string }[];
  blocked: boolean;
  submitting: boolean;
  submitError: string | null;
  onSubmit: () => void;
  onSelect: (key: string, options?: { focusField?: boolean }) => void;
}) {
  const { onSelect } = props;
  return (
    <div className="space-y-3">
      {props.submitted ? (
        <div className="space-y-2">
          <p className="font-medium text-emerald-800">The checklist was submitted.</p>
          <NextStepsList steps={props.nextSteps} onSelect={(key) => onSelect(key)} />
        </div>
      ) : (
        <>
          {props.blocked ? (
            <>
              <p className="text-sm text-slate-700">Still needed before you can submit:</p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {props.missing.map((item) => (
                  <li key={item.key}>
                    <button type="button" className="text-left text-brand-700 underline" onClick={() => onSelect(item.key, { focusField: true })}>
                      <strong>{item.label}</strong>: {item.problems.join("; ")}
                    </button>
                  </li>
                ))}
                {props.submitBlockers.map((blocker) => (
                  <li key={blocker.text}>
                    <button type="button" className="text-left text-brand-700 underline" onClick={() => onSelect(blocker.step)}>{blocker.text}</button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-700">Every required item is complete.</p>
          )}
          {props.editable ? <Button onClick={props.onSubmit} disabled={props.submitting}>{props.submitting ? "Submitting…" : "Submit handoff"}</Button> : null}
        </>
      )}
      {props.submitError ? <p role="alert" className="text-sm text-red-700">{props.submitError}</p> : null}
    </div>
  );
}

export function NextStepsList({ steps, onSelect }: { steps: NextStep[]; onSelect?: (key: string) => void }) {
  if (steps.length === 0) return <p className="text-sm text-slate-700">Nothing is left to do on this handoff.</p>;
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm">
      {steps.map((step) => (
        <li key={`${step.who}-${step.what}`}>
          <strong>{step.who}</strong> {step.what}
          {step.step && onSelect && step.step !== "acknowledge" ? (
            <>
              {" "}
              <button type="button" className="text-brand-700 underline" onClick={() => onSelect(step.step!)}>Open</button>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function NavButton({ keys, step, offset, onSelect }: { keys: string[]; step: string; offset: number; onSelect: (key: string) => void }) {
  const target = keys[keys.indexOf(step) + offset];
  if (!target) return <span />;
  const label = target === "submit" ? "Submit checklist" : CHECKLIST_ITEM_LABELS[target as ChecklistItemKey];
  return (
    <Button variant="secondary" onClick={() => onSelect(target)}>
      {offset < 0 ? `← ${label}` : `Next: ${label} →`}
    </Button>
  );
}
