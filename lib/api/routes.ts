import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  arrMovementInput,
  arrMovementOutput,
  accountInput,
  accountOutput,
  accountPath,
  closeWonInput,
  closeWonOutput,
  contactInput,
  contactOutput,
  contactPath,
  dealInput,
  dealOutput,
  dealPath,
  handoffOutput,
  handoffQuery,
  measuresOutput,
  measuresQuery,
  pagedOf,
  renewalCloseLostInput,
  renewalCloseOutput,
  renewalCloseWonInput,
  renewalOutput,
  renewalPath,
  renewalQuery,
  renewalStageInput,
  renewalTermsInput,
  suggestionOutput,
  suggestionQuery,
} from "@/lib/api/schemas";

// Every endpoint of /api/v1 with the roles that may call it and its zod schemas. The route handlers are built
// from these entries (lib/server/api/api-route.ts) and the OpenAPI document is generated from the same
// entries (openapi.ts): what is documented is what is validated.

export interface ApiRouteDef {
  operationId: string;
  method: "GET" | "PUT" | "POST";
  /** OpenAPI path under /api/v1, with {param} placeholders. */
  path: string;
  summary: string;
  description?: string;
  tag: "Accounts" | "Deals" | "Revenue" | "Handoffs" | "Assignments" | "Renewals" | "Dashboard";
  /** A token whose role is not listed gets 403. */
  roles: readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: 200 | 201;
  /** Accepts an Idempotency-Key header: a replay gets the first response. */
  idempotent?: boolean;
}

const READERS: readonly Role[] = ["ADMIN", "CS_MANAGER", "LEADERSHIP"];
/** Who moves and closes renewals: as in the app, the account's CSM, CS managers and admins. */
const RENEWAL_MOVERS: readonly Role[] = ["ADMIN", "CS_MANAGER", "CSM"];
const CURSOR_PAGING =
  "Paged by `page` and `perPage` (an offset), or by cursor: pass the response's `nextCursor` as `?cursor=` for the page after " +
  "(null on the last page). A cursor page starts right after the last row of the page before, so it costs the same however deep, " +
  "and rows added or removed meanwhile neither repeat nor skip a row; `page` is then ignored. A cursor the list did not return is refused (422, field `cursor`).";
const CLOSE_IDEMPOTENCY =
  "With an Idempotency-Key header, a replay with the same body returns the first response; the same key with a different body is refused (422). " +
  "Without one, closing a renewal that is already closed is refused with 409.";

export const API_ROUTES = {
  upsertAccount: {
    operationId: "upsertAccount",
    method: "PUT",
    path: "/accounts/{externalId}",
    summary: "Create or update an account by its external (CRM) id",
    tag: "Accounts",
    roles: ["ADMIN"],
    params: accountPath,
    body: accountInput,
    response: accountOutput,
    status: 200,
  },
  getAccount: {
    operationId: "getAccount",
    method: "GET",
    path: "/accounts/{externalId}",
    summary: "Read an account",
    tag: "Accounts",
    roles: READERS,
    params: accountPath,
    response: accountOutput,
    status: 200,
  },
  upsertContact: {
    operationId: "upsertContact",
    method: "PUT",
    path: "/accounts/{externalId}/contacts/{email}",
    summary: "Create or update a contact (stakeholder) of an account, by e-mail",
    tag: "Accounts",
    roles: ["ADMIN"],
    params: contactPath,
    body: contactInput,
    response: contactOutput,
    status: 200,
  },
  upsertDeal: {
    operationId: "upsertDeal",
    method: "PUT",
    path: "/deals/{externalId}",
    summary: "Create or update a deal by its external id",
    description: "A deal sent with stage CLOSED_WON runs the closed-won flow once, as POST …/close-won does.",
    tag: "Deals",
    roles: ["ADMIN"],
    params: dealPath,
    body: dealInput,
    response: dealOutput,
    status: 200,
  },
  getDeal: {
    operationId: "getDeal",
    method: "GET",
    path: "/deals/{externalId}",
    summary: "Read a deal (an AE token sees its own deals only)",
    tag: "Deals",
    roles: [...READERS, "AE"],
    params: dealPath,
    response: dealOutput,
    status: 200,
  },
  closeWon: {
    operationId: "closeDealWon",
    method: "POST",
    path: "/deals/{externalId}/close-won",
    summary: "Mark a deal closed-won: opens the 72-hour handoff and the renewal pipeline",
    description:
      "Idempotent by deal: a second call returns the same handoff with created=false. With an Idempotency-Key header, " +
      "a replay with the same body returns the first response; the same key with a different body is refused (422).",
    tag: "Deals",
    roles: ["ADMIN", "AE"],
    params: dealPath,
    body: closeWonInput,
    response: closeWonOutput,
    status: 200,
    idempotent: true,
  },
  listHandoffs: {
    operationId: "listHandoffs",
    method: "GET",
    path: "/handoffs",
    summary: "Handoffs the token's user may see (an AE their deals', a CSM their accounts')",
    description: CURSOR_PAGING,
    tag: "Handoffs",
    roles: ["ADMIN", "CS_MANAGER", "LEADERSHIP", "AE", "CSM"],
    query: handoffQuery,
    response: pagedOf(handoffOutput),
    status: 200,
  },
  listSuggestions: {
    operationId: "listSuggestions",
    method: "GET",
    path: "/suggestions",
    summary: "CSM assignment suggestions with the top candidates' score breakdowns",
    description: CURSOR_PAGING,
    tag: "Assignments",
    roles: READERS,
    query: suggestionQuery,
    response: pagedOf(suggestionOutput),
    status: 200,
  },
  listRenewals: {
    operationId: "listRenewals",
    method: "GET",
    path: "/renewals",
    summary: "Renewal opportunities by renewal date (a CSM token sees its own accounts')",
    description: CURSOR_PAGING,
    tag: "Renewals",
    roles: [...READERS, "CSM"],
    query: renewalQuery,
    response: pagedOf(renewalOutput),
    status: 200,
  },
  getRenewal: {
    operationId: "getRenewal",
    method: "GET",
    path: "/renewals/{id}",
    summary: "Read one renewal opportunity (a CSM token: its own accounts' only)",
    tag: "Renewals",
    roles: [...READERS, "CSM"],
    params: renewalPath,
    response: renewalOutput,
    status: 200,
  },
  moveRenewalStage: {
    operationId: "moveRenewalStage",
    method: "POST",
    path: "/renewals/{id}/stage",
    summary: "Move an open renewal to another open stage",
    tag: "Renewals",
    roles: RENEWAL_MOVERS,
    params: renewalPath,
    body: renewalStageInput,
    response: renewalOutput,
    status: 200,
  },
  setRenewalTerms: {
    operationId: "setRenewalTerms",
    method: "PUT",
    path: "/renewals/{id}/terms",
    summary: "Set an open renewal's contract terms: auto-renew, notice days and price uplift",
    description:
      "The same rules as the renewal page: the account's CSM, CS managers and admins, open renewals only (a closed one is refused with 409), " +
      "audited with the terms before and after. The decision date, the alerts and the forecast checkpoints move with the notice days.",
    tag: "Renewals",
    roles: RENEWAL_MOVERS,
    params: renewalPath,
    body: renewalTermsInput,
    response: renewalOutput,
    status: 200,
  },
  closeRenewalWon: {
    operationId: "closeRenewalWon",
    method: "POST",
    path: "/renewals/{id}/close-won",
    summary: "Close a renewal won at amount P: the contract's ARR becomes P and the next term opens",
    description:
      "Writes a RENEWAL movement at P plus an EXPANSION or CONTRACTION of the difference, dated on the renewal date, and the next term's " +
      "renewal opportunity (renewal date + the renewed term, amount P) in one transaction. A downsell needs a reason. " +
      CLOSE_IDEMPOTENCY,
    tag: "Renewals",
    roles: RENEWAL_MOVERS,
    params: renewalPath,
    body: renewalCloseWonInput,
    response: renewalCloseOutput,
    status: 200,
    idempotent: true,
  },
  closeRenewalLost: {
    operationId: "closeRenewalLost",
    method: "POST",
    path: "/renewals/{id}/close-lost",
    summary: "Close a renewal lost: a churn (or a contraction when the account keeps another contract) with its reason",
    description: CLOSE_IDEMPOTENCY,
    tag: "Renewals",
    roles: RENEWAL_MOVERS,
    params: renewalPath,
    body: renewalCloseLostInput,
    response: renewalCloseOutput,
    status: 200,
    idempotent: true,
  },
  recordArrMovement: {
    operationId: "recordArrMovement",
    method: "POST",
    path: "/arr-movements",
    summary: "Record an ARR movement from billing (the same rules as a row of arr_movements.csv)",
    description:
      "A movement naming its deal (dealExternalId) is that deal's movement: for a new-business or expansion deal of the same kind it is the " +
      "deal's one contract movement, so revenue the closed-won flow already recorded is not counted twice. A movement that would take the " +
      "account's ARR below zero on any date, or leave a churn above zero, is refused with 422.",
    tag: "Revenue",
    roles: ["ADMIN"],
    body: arrMovementInput,
    response: arrMovementOutput,
    status: 200,
  },
  getMeasures: {
    operationId: "getMeasures",
    method: "GET",
    path: "/measures",
    summary: "Dashboard measures: GRR, NRR, logo retention, renewal visibility, time to first value, handoff SLA",
    tag: "Dashboard",
    roles: ["ADMIN", "LEADERSHIP", "CS_MANAGER", "CSM"],
    query: measuresQuery,
    response: measuresOutput,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
