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
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", roles: ALL_ROLES },
  { href: "/deals", label: "Deals", roles: ["AE", "CS_MANAGER", "LEADERSHIP", "ADMIN"] },
  { href: "/handoffs", label: "Handoffs", roles: ALL_ROLES },
  { href: "/assignments", label: "Assignments", roles: ["CS_MANAGER", "ADMIN"] },
  { href: "/csms", label: "CSM roster", roles: ["CS_MANAGER", "ADMIN", "LEADERSHIP"] },
  { href: "/renewals", label: "Renewals", roles: ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN", "AE"] },
  { href: "/book", label: "My book", roles: ["CSM"] },
  { href: "/accounts", label: "Accounts", roles: ALL_ROLES },
  { href: "/admin/users", label: "Users", roles: ["ADMIN"] },
  { href: "/admin/settings", label: "Rule settings", roles: ["ADMIN"] },
  { href: "/admin/csm-profiles", label: "CSM profiles", roles: ["ADMIN"] },
  { href: "/admin/products", label: "Products", roles: ["ADMIN"] },
  { href: "/admin/imports", label: "Imports", roles: ["ADMIN"] },
  { href: "/admin/api-tokens", label: "API tokens", roles: ["ADMIN"] },
  { href: "/admin/audit", label: "Audit log", roles: ["ADMIN"] },
  { href: "/dashboard", label: "Dashboard", roles: ["LEADERSHIP", "ADMIN", "CS_MANAGER", "CSM"] },
  { href: "/expansion-credit", label: "My expansion credit", roles: ["AE"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
