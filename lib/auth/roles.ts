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
  { href: "/admin/users", label: "Users", roles: ["ADMIN"] },
  { href: "/admin/settings", label: "Rule settings", roles: ["ADMIN"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
