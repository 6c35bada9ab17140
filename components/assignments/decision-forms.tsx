"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusOnArrival } from "@/components/ui/focus-on-arrival";
import { useToast } from "@/components/ui/toast";
import {
  approveAssignmentAction,
  overrideAssignmentAction,
  rejectAssignmentAction,
  type DecisionState,
} from "@/components/assignments/actions";

interface Option {
  id: string;
  name: string;
  score: string;
}

function Message({ state }: { state: DecisionState }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {state.message}
        {state.data.requeuedAssignmentId ? (
          <>
            {" "}
            <Link href={`/assignments/${state.data.requeuedAssignmentId}`} className="underline">Open the fresh suggestion</Link>
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.error}
    </p>
  );
}

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.[0] ? <p id={id} className="text-sm text-red-700">{errors[0]}</p> : null;
}

/** Controlled, so a refused submit keeps what was typed (React resets uncontrolled fields after an action). */
function ReasonField({ id, label, errors }: { id: string; label: string; errors: string[] | undefined }) {
  const [value, setValue] = useState("");
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={1000}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={errors?.[0] ? true : undefined}
        aria-describedby={errors?.[0] ? errorId : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-500"
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** The three decisions on a pending suggestion: approve the top, choose another eligible CSM, reject. */
type DecisionAction = (previous: DecisionState, formData: FormData) => Promise<DecisionState>;

/**
 * A decision replaces these forms (at the bottom of the page) with the decision (at the top): the outcome is
 * announced in a toast where the eye is, and the decision's heading takes the focus, which scrolls it into view.
 */
function useDecision(action: DecisionAction) {
  const toast = useToast();
  const router = useRouter();
  return useActionState<DecisionState, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      const fresh = result.data.requeuedAssignmentId;
      toast({ message: result.message ?? "Decision recorded.", action: fresh ? { label: "Open the fresh suggestion", run: () => router.push(`/assignments/${fresh}`) } : undefined });
      focusOnArrival("decision-heading");
    }
    return result;
  }, null);
}

export function DecisionForms({ assignmentId, top, alternatives }: { assignmentId: string; top: Option | null; alternatives: Option[] }) {
  const [approved, approve, approving] = useDecision(approveAssignmentAction);
  const [overridden, override, overriding] = useDecision(overrideAssignmentAction);
  const [rejected, reject, rejecting] = useDecision(rejectAssignmentAction);
  const busy = approving || overriding || rejecting;
  const csmErrors = overridden && !overridden.ok ? overridden.fieldErrors?.csmId : undefined;
  const [csmId, setCsmId] = useState("");

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <form action={approve} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="decide-approve">
        <h3 id="decide-approve" className="font-semibold">Approve the suggestion</h3>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        {top ? (
          <>
            <input type="hidden" name="expectedCsmId" value={top.id} />
            <p className="text-sm text-slate-600">Assign {top.name} (score {top.score}). Capacity is checked again as you approve.</p>
            <Button type="submit" disabled={busy}>{approving ? "Approving…" : `Approve ${top.name}`}</Button>
          </>
        ) : (
          <p className="text-sm text-slate-600">No CSM is eligible, so there is nothing to approve.</p>
        )}
        <Message state={approved} />
      </form>

      <form action={override} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="decide-override" noValidate>
        <h3 id="decide-override" className="font-semibold">Choose another eligible CSM</h3>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        {alternatives.length > 0 ? (
          <>
            <div className="space-y-1">
              <label htmlFor="override-csm" className="block text-sm font-medium text-slate-700">CSM to assign</label>
              <select
                id="override-csm"
                name="csmId"
                value={csmId}
                onChange={(event) => setCsmId(event.target.value)}
                aria-invalid={csmErrors?.[0] ? true : undefined}
                aria-describedby={csmErrors?.[0] ? "override-csm-error" : undefined}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              >
                <option value="">Choose a CSM…</option>
                {alternatives.map((option) => (
                  <option key={option.id} value={option.id}>{option.name} — score {option.score}</option>
                ))}
              </select>
              <FieldError id="override-csm-error" errors={csmErrors} />
            </div>
            <ReasonField id="override-reason" label="Reason for choosing another CSM" errors={overridden && !overridden.ok ? overridden.fieldErrors?.reason : undefined} />
            <Button type="submit" variant="secondary" disabled={busy}>{overriding ? "Assigning…" : "Assign chosen CSM"}</Button>
          </>
        ) : (
          <p className="text-sm text-slate-600">No other CSM was eligible when this suggestion was made.</p>
        )}
        <Message state={overridden} />
      </form>

      <form action={reject} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="decide-reject" noValidate>
        <h3 id="decide-reject" className="font-semibold">Reject</h3>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <p className="text-sm text-slate-600">The handoff goes back to the queue with a fresh suggestion.</p>
        <ReasonField id="reject-reason" label="Reason for rejecting" errors={rejected && !rejected.ok ? rejected.fieldErrors?.reason : undefined} />
        <Button type="submit" variant="danger" disabled={busy}>{rejecting ? "Rejecting…" : "Reject suggestion"}</Button>
        <Message state={rejected} />
      </form>
    </div>
  );
}
