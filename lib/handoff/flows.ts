import { z } from "zod";
import type { FlowStep } from "@/lib/generated/prisma/enums";

// The guided flows of the two other handoff types of the seed (000 "Handoff Types"): Renewal (90 days out,
// renewal planning: the CSM with the AE) and Expansion (an upsell identified: Sales–CS coordination at once).
// Each is a short list of steps with who does them; the handoff completes when every required step is done.

export interface FlowStepDefinition {
  step: FlowStep;
  label: string;
  who: string;
}

export const RENEWAL_FLOW: readonly FlowStepDefinition[] = [
  { step: "RENEWAL_PLAN", label: "Renewal plan", who: "The CSM, with the AE" },
  { step: "STAKEHOLDERS_CONFIRMED", label: "Stakeholders re-confirmed", who: "The CSM" },
  { step: "FORECAST_CALL", label: "Forecast call", who: "The CSM" },
  { step: "RENEWAL_PLANNING_DONE", label: "Renewal-planning touchpoint held", who: "The CSM" },
];

export const EXPANSION_FLOW: readonly FlowStepDefinition[] = [
  { step: "EXPANSION_SCOPE", label: "Upsell products and potential", who: "The AE or the CSM" },
  { step: "EXPANSION_LEAD", label: "Who leads", who: "The AE or the CSM" },
  { step: "EXPANSION_DEAL", label: "Expansion deal created or linked", who: "The AE" },
];

export interface FlowContext {
  /**
   * The forecast call is part of the flow once the renewal has a forecast (the forecast feature fills this
   * in); until then the step is shown as not required.
   */
  forecastCallRequired: boolean;
  /** The renewal has no planning touchpoint (dropped on a short contract, or never planned): nothing to hold. */
  planningTouchpointMissing: boolean;
}

export type FlowStepState = FlowStepDefinition & { state: "done" | "open" | "not_required"; note?: string };

export function flowState(definitions: readonly FlowStepDefinition[], done: ReadonlySet<FlowStep>, context: FlowContext): { steps: FlowStepState[]; complete: boolean } {
  const steps = definitions.map((definition): FlowStepState => {
    if (done.has(definition.step)) return { ...definition, state: "done" };
    if (definition.step === "FORECAST_CALL" && !context.forecastCallRequired) {
      return { ...definition, state: "not_required", note: "Held once the renewal forecast exists; not required yet." };
    }
    if (definition.step === "RENEWAL_PLANNING_DONE" && context.planningTouchpointMissing) {
      return { ...definition, state: "not_required", note: "This renewal has no renewal-planning touchpoint." };
    }
    return { ...definition, state: "open" };
  });
  return { steps, complete: steps.every((step) => step.state !== "open") };
}

const money = z.union([z.literal(""), z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter an amount in dollars, e.g. 25000 or 25000.50")]);
const handoffId = z.string().min(1);

export const renewalPlanSchema = z.object({
  handoffId,
  strategy: z.string().trim().min(10, "Describe the renewal plan: goals, pricing approach, who decides").max(4000),
  targetAmount: money,
  risks: z.string().trim().max(2000),
  nextStep: z.string().trim().min(3, "Name the next step and when").max(500),
});

export const stakeholdersConfirmedSchema = z.object({
  handoffId,
  stillInRole: z.array(z.string().min(1)).min(1, "Confirm at least one stakeholder who is still in role"),
  notes: z.string().trim().max(2000),
});

export const forecastCallSchema = z.object({ handoffId, notes: z.string().trim().min(3, "Note what was agreed on the call").max(2000) });

export const planningHeldSchema = z.object({ handoffId, notes: z.string().trim().min(3, "Note what the planning touchpoint covered").max(2000) });

export const expansionScopeSchema = z.object({
  handoffId,
  productIds: z.array(z.string().min(1)).min(1, "Choose at least one upsell product"),
  potential: money.refine((value) => value !== "", "Enter the estimated potential in dollars"),
  notes: z.string().trim().max(2000),
});

export const expansionLeadSchema = z.object({ handoffId, leadId: z.string().min(1, "Choose who leads the expansion") });

export const expansionDealSchema = z.discriminatedUnion("mode", [
  z.object({
    handoffId,
    mode: z.literal("create"),
    name: z.string().trim().min(3, "Name the expansion deal").max(200),
    amount: money.refine((value) => value !== "", "Enter the deal's ARR in dollars"),
    closeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the expected close date"),
    ownerId: z.string().min(1, "Choose the AE who owns the deal"),
  }),
  z.object({ handoffId, mode: z.literal("link"), dealId: z.string().min(1, "Choose the deal to link") }),
]);

/** What the recorded Expansion steps hold (JSON columns; anything else reads as nothing). */
export const expansionScopeData = z.object({ productIds: z.array(z.string()).catch([]) }).catch({ productIds: [] });
export const expansionDealData = z.object({ dealId: z.string().optional().catch(undefined) }).catch({});
