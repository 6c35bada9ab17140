"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { submitHandoffAction } from "@/app/(app)/handoffs/[id]/actions";
import { CHECKLIST_STEPS } from "@/components/handoffs/wizard/checklist-steps";
import { ProgressRail, type RailItem } from "@/components/handoffs/wizard/progress-rail";
import { readLocalCopy, useAutosave, type SaveState } from "@/components/handoffs/wizard/use-autosave";
import { Button } from "@/components/ui/button";
import { CHECKLIST_ITEM_KEYS, CHECKLIST_ITEM_LABELS, checklistStatus, itemFieldErrors, type ChecklistDraft, type ChecklistItemKey } from "@/lib/handoff/checklist";

export interface HandoffWizardProps {
  handoffId: string;
  version: number;
  checklist: ChecklistDraft;
  products: { id: string; name: string; technical: boolean }[];
  editable: boolean;
  submitted: boolean;
  /** Server-side gates beyond the checklist (e.g. the strategic-account meeting rule). */
  submitBlockers: string[];
  policyItems: RailItem[];
  policyPanels: Record<string, React.ReactNode>;
  initialStep?: string;
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "All changes saved" : state.kind === "offline" || state.kind === "error" ? state.message : "";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${state.kind === "offline" || state.kind === "error" ? "text-red-700" : "text-slate-500"}`}>
      {text}
    </p>
  );
}

export function HandoffWizard(props: HandoffWizardProps) {
  const router = useRouter();
  const [restored, setRestored] = useState(false);
  const form = useForm<ChecklistDraft>({ defaultValues: props.checklist });
  const values = useWatch({ control: form.control }) as ChecklistDraft;
  const { state, queue, resolveStale, saveNow } = useAutosave(props.handoffId, props.version, props.editable);
  const [step, setStep] = useState<string>(props.initialStep ?? "contract");
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const first = useRef(true);

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

  const statuses = useMemo(() => checklistStatus(values), [values]);
  const missing = statuses.filter((item) => !item.complete);

  function select(next: string) {
    setShown((previous) => new Set(previous).add(step));
    setStep(next);
    const url = new URL(window.location.href);
    url.searchParams.set("step", next);
    window.history.replaceState(null, "", url);
  }

  const checklistRail: RailItem[] = statuses.map((item) => ({
    key: item.key,
    label: item.label,
    status: props.submitted || item.complete ? (item.required || props.submitted ? "complete" : "optional") : "incomplete",
    detail: item.problems.join("; "),
  }));
  const blockers = [...missing.map((item) => item.label), ...props.submitBlockers];
  const submitRail: RailItem = {
    key: "submit",
    label: "Submit checklist",
    status: props.submitted ? "complete" : blockers.length > 0 ? "blocked" : "incomplete",
    detail: props.submitted ? undefined : blockers.length > 0 ? `Missing: ${blockers.join(", ")}` : "Ready to submit",
  };

  const isChecklistStep = (CHECKLIST_ITEM_KEYS as string[]).includes(step);
  const StepForm = isChecklistStep ? CHECKLIST_STEPS[step as ChecklistItemKey] : null;
  const stepErrors = isChecklistStep && (shown.has(step) || submitError) ? itemFieldErrors(step as ChecklistItemKey, values) : {};

  function submit() {
    startSubmit(async () => {
      setSubmitError(null);
      setShown(new Set(CHECKLIST_ITEM_KEYS));
      if (!(await saveNow(form.getValues()))) {
        setSubmitError("Your latest changes are not saved yet; resolve the message above and try again.");
        return;
      }
      const result = await submitHandoffAction({ handoffId: props.handoffId });
      if (!result.ok) setSubmitError(result.error);
      else router.refresh();
    });
  }

  return (
    <FormProvider {...form}>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <ProgressRail
          groups={[
            { title: "Checklist", items: [...checklistRail, submitRail] },
            { title: "72-hour policy steps", items: props.policyItems },
          ]}
          current={step}
          onSelect={select}
        />
        <section aria-labelledby="step-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          {restored ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Restored changes this browser had not saved yet; they are being saved now.</p> : null}
          {state.kind === "stale" ? (
            <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>This handoff was changed in another tab or by another session (version {state.version}). Your last change was not saved, so nothing was overwritten.</p>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => { form.reset(state.checklist); first.current = true; resolveStale("theirs", state.checklist); }}>Load the newer version</Button>
                <Button variant="secondary" onClick={() => resolveStale("mine", form.getValues())}>Keep my version and save it</Button>
              </div>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="step-heading" className="text-lg font-semibold">
              {isChecklistStep ? CHECKLIST_ITEM_LABELS[step as ChecklistItemKey] : step === "submit" ? "Submit checklist" : props.policyItems.find((item) => item.key === step)?.label}
            </h2>
            {props.editable ? <SaveIndicator state={state} /> : null}
          </div>
          {StepForm ? <StepForm errors={stepErrors} disabled={!props.editable} products={props.products} /> : null}
          {step === "submit" ? (
            <div className="space-y-3">
              {props.submitted ? (
                <p className="text-emerald-800">The checklist was submitted.</p>
              ) : (
                <>
                  {blockers.length > 0 ? (
                    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                      {missing.map((item) => <li key={item.key}><strong>{item.label}</strong>: {item.problems.join("; ")}</li>)}
                      {props.submitBlockers.map((blocker) => <li key={blocker}>{blocker}</li>)}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-700">Every required item is complete.</p>
                  )}
                  {props.editable ? <Button onClick={submit} disabled={submitting}>{submitting ? "Submitting…" : "Submit handoff"}</Button> : null}
                </>
              )}
              {submitError ? <p role="alert" className="text-sm text-red-700">{submitError}</p> : null}
            </div>
          ) : null}
          {!isChecklistStep && step !== "submit" ? props.policyPanels[step] : null}
          {isChecklistStep ? (
            <div className="flex justify-between border-t border-slate-100 pt-3">
              <NavButton keys={[...CHECKLIST_ITEM_KEYS, "submit"]} step={step} offset={-1} onSelect={select} />
              <NavButton keys={[...CHECKLIST_ITEM_KEYS, "submit"]} step={step} offset={1} onSelect={select} />
            </div>
          ) : null}
        </section>
      </div>
    </FormProvider>
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
