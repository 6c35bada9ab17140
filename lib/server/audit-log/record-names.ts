import "server-only";
import { prisma } from "@/lib/db";
import { HANDOFF_TYPE_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import { GROUP_TITLES } from "@/lib/settings/labels";

// Names for the records an audit page mentions, looked up in one query per table for the whole page: the
// record each event is about (with a link to it) and the ids inside its data.

export interface NamedRecord {
  name: string;
  href: string | null;
}

export const RECORD_TYPE_LABELS: Record<string, string> = {
  Account: "Account",
  ApiToken: "API token",
  CsmAssignment: "CSM assignment",
  CsmProfile: "CSM profile",
  Deal: "Deal",
  Handoff: "Handoff",
  ImportRun: "Import",
  Product: "Product",
  RenewalOpportunity: "Renewal",
  Setting: "Rule setting",
  Touchpoint: "Touchpoint",
  User: "User",
};


/** Every id → its record's name and page, across the tables the log refers to. Unknown ids are left out. */
export async function nameRecords(ids: readonly string[]): Promise<Map<string, NamedRecord>> {
  const list = [...new Set(ids)].filter((id) => id.length > 0 && id.length <= 64);
  const names = new Map<string, NamedRecord>();
  if (list.length === 0) return names;
  const where = { id: { in: list } };
  const [users, accounts, deals, handoffs, assignments, profiles, renewals, products, tokens, imports, touchpoints] = await Promise.all([
    prisma.user.findMany({ where, select: { id: true, name: true, email: true } }),
    prisma.account.findMany({ where, select: { id: true, name: true } }),
    prisma.deal.findMany({ where, select: { id: true, name: true } }),
    prisma.handoff.findMany({ where, select: { id: true, type: true, account: { select: { name: true } } } }),
    prisma.csmAssignment.findMany({ where, select: { id: true, account: { select: { name: true } } } }),
    prisma.csmProfile.findMany({ where, select: { id: true, userId: true, user: { select: { name: true } } } }),
    prisma.renewalOpportunity.findMany({ where, select: { id: true, name: true, accountId: true } }),
    prisma.product.findMany({ where, select: { id: true, name: true } }),
    prisma.apiToken.findMany({ where, select: { id: true, name: true } }),
    prisma.importRun.findMany({ where, select: { id: true, fileName: true } }),
    prisma.touchpoint.findMany({ where, select: { id: true, type: true, accountId: true, account: { select: { name: true } } } }),
  ]);
  for (const user of users) names.set(user.id, { name: `${user.name} (${user.email})`, href: `/admin/users?${new URLSearchParams({ q: user.email })}` });
  for (const account of accounts) names.set(account.id, { name: account.name, href: `/accounts/${account.id}` });
  for (const deal of deals) names.set(deal.id, { name: deal.name, href: `/deals/${deal.id}` });
  for (const handoff of handoffs) names.set(handoff.id, { name: `${handoff.account.name} (${HANDOFF_TYPE_LABELS[handoff.type]})`, href: `/handoffs/${handoff.id}` });
  for (const assignment of assignments) names.set(assignment.id, { name: `CSM for ${assignment.account.name}`, href: `/assignments/${assignment.id}` });
  for (const profile of profiles) names.set(profile.id, { name: profile.user.name, href: `/admin/csm-profiles/${profile.userId}` });
  for (const renewal of renewals) names.set(renewal.id, { name: renewal.name, href: `/accounts/${renewal.accountId}` });
  for (const product of products) names.set(product.id, { name: product.name, href: "/admin/products" });
  for (const token of tokens) names.set(token.id, { name: token.name, href: "/admin/api-tokens" });
  for (const run of imports) names.set(run.id, { name: run.fileName, href: `/admin/imports/${run.id}` });
  for (const touchpoint of touchpoints) names.set(touchpoint.id, { name: `${TOUCHPOINT_LABELS[touchpoint.type]} with ${touchpoint.account.name}`, href: `/accounts/${touchpoint.accountId}` });
  return names;
}

/** A rule setting's record: its key is its id. */
export function settingRecord(key: string): NamedRecord {
  return { name: (GROUP_TITLES as Record<string, string>)[key] ?? key, href: "/admin/settings" };
}
