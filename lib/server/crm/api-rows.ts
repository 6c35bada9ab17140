import "server-only";
import type { z } from "zod";
import type { accountInput, arrMovementInput, contactInput, dealInput } from "@/lib/api/schemas";
import { dollarsToCents } from "@/lib/imports/fields";
import { parseIsoDate } from "@/lib/dates";
import type { AccountRow, ArrMovementRow, ContactRow, DealRow } from "@/lib/imports/row-schemas";

// API and webhook bodies as import rows, so they go through the importer's checks and writes. An omitted
// optional field becomes null, which keeps the stored value (as an empty CSV cell does).

export function accountRowOf(externalId: string, body: z.output<typeof accountInput>): AccountRow {
  return {
    externalId,
    name: body.name,
    segment: body.segment,
    industry: body.industry,
    region: body.region,
    timezone: body.timezone,
    primaryLanguage: body.primaryLanguage,
    strategic: body.strategic ?? null,
    needsOnsite: body.needsOnsite ?? null,
    healthScore: body.healthScore ?? null,
    usagePct: body.usagePct === undefined ? null : body.usagePct.toFixed(2),
    expansionPotentialCents: body.expansionPotential === undefined ? null : dollarsToCents(body.expansionPotential),
    csmEmail: body.csmEmail?.toLowerCase() ?? null,
  };
}

export function contactRowOf(accountExternalId: string, email: string, body: z.output<typeof contactInput>): ContactRow {
  return {
    accountExternalId,
    email: email.toLowerCase(),
    name: body.name,
    title: body.title,
    role: body.role,
    priority: body.priority ?? null,
    notes: body.notes,
  };
}

export function dealRowOf(externalId: string, body: z.output<typeof dealInput>): DealRow {
  return {
    externalId,
    accountExternalId: body.accountExternalId,
    name: body.name,
    type: body.type,
    stage: body.stage,
    amountCents: dollarsToCents(body.amount),
    termMonths: body.termMonths,
    closeDate: parseIsoDate(body.closeDate),
    contractStart: body.contractStart ? parseIsoDate(body.contractStart) : null,
    products: body.products,
    ownerEmail: body.ownerEmail.toLowerCase(),
    winReason: body.winReason,
    competitor: body.competitor,
    painPoints: body.painPoints,
    risks: body.risks,
    technicalRequirements: body.technicalRequirements,
    integrations: body.integrations,
    closedAt: body.closedAt ? new Date(body.closedAt) : null,
    renewalTerms: { autoRenew: body.autoRenew ?? null, noticeDays: body.noticeDays ?? null, upliftPct: body.upliftPct === undefined ? null : body.upliftPct.toFixed(2) },
  };
}

export function arrMovementRowOf(body: z.output<typeof arrMovementInput>): ArrMovementRow {
  return {
    accountExternalId: body.accountExternalId,
    date: parseIsoDate(body.date),
    type: body.type,
    amountCents: dollarsToCents(body.amount),
    dealExternalId: body.dealExternalId ?? null,
    reason: body.reason ?? null,
  };
}
