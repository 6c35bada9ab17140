import Link from "next/link";
import type { NextStep } from "@/lib/handoff/next-steps";

/** "Next": who acts on this handoff now, and on what; refreshed after every action on the page. */
export function NextStepsPanel({ steps, assignmentHref }: { steps: NextStep[]; assignmentHref: string | null }) {
  return (
    <section aria-labelledby="next-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm">
      <h2 id="next-heading" className="font-semibold">Next</h2>
      {steps.length === 0 ? (
        <p>Nothing is left to do on this handoff.</p>
      ) : (
        <ol className="mt-1 list-decimal space-y-0.5 pl-5">
          {steps.map((step) => (
            <li key={`${step.who}-${step.what}`}>
              <strong>{step.who}</strong> {step.what}
              {step.who === "A CS manager" && assignmentHref && step.what.startsWith("approves") ? (
                <>
                  {" "}
                  <Link className="text-brand-700 underline" href={assignmentHref}>Review the suggestion</Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
