import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  AE: "Account executive",
  CSM: "Customer success manager",
  CS_MANAGER: "CS manager",
  LEADERSHIP: "Leadership",
  ADMIN: "RevOps admin",
};

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

// Navigation only mirrors what the server allows; every page and action checks the role itself.
// The header holds the everyday lists; administration is one entry with its own sub-navigation (ADMIN_NAV), so
// the header stays on one row.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", roles: ALL_ROLES },
  { href: "/deals", label: "Deals", roles: ["AE", "CS_MANAGER", "LEADERSHIP", "ADMIN"] },
  { href: "/handoffs", label: "Handoffs", roles: ALL_ROLES },
  { href: "/assignments", label: "Assignments", roles: ["CS_MANAGER", "ADMIN"] },
  { href: "/book", label: "My book", roles: ["CSM"] },
  { href: "/accounts", label: "Accounts", roles: ALL_ROLES },
  { href: "/renewals", label: "Renewals", roles: ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN", "AE"] },
  { href: "/forecast", label: "Forecast", roles: ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN"] },
  { href: "/csms", label: "CSM roster", roles: ["CS_MANAGER", "ADMIN", "LEADERSHIP"] },
  { href: "/dashboard", label: "Dashboard", roles: ["LEADERSHIP", "ADMIN", "CS_MANAGER", "CSM"] },
  { href: "/expansion-credit", label: "My expansion credit", roles: ["AE"] },
  { href: "/admin", label: "Administration", roles: ["ADMIN"] },
];

export interface AdminNavItem {
  href: string;
  label: string;
  description: string;
}

/** The administration section's own navigation, in the order an admin sets Baton up. */
export const ADMIN_NAV: readonly AdminNavItem[] = [
  { href: "/admin/users", label: "Users", description: "Invite people, change roles, deactivate, issue temporary passwords." },
  { href: "/admin/settings", label: "Rule settings", description: "Scoring weights, capacity, touchpoint timings, thresholds, calendar, integrations." },
  { href: "/admin/csm-profiles", label: "CSM profiles", description: "Each CSM's tier, limits, segments, industries, products and certifications." },
  { href: "/admin/products", label: "Products", description: "The catalogue, and which products need a certified CSM." },
  { href: "/admin/imports", label: "Imports and exports", description: "CSV files in and out, with a per-row report." },
  { href: "/admin/api-tokens", label: "API tokens", description: "Bearer tokens for the CRM and BI." },
  { href: "/admin/audit", label: "Audit log", description: "Every change Baton records, by record, actor and date." },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
