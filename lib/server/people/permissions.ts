import type { ActingUser } from "@/lib/server/authz";

// Whose names a person may look up to filter a list by (the CSM and AE pickers of /dashboard, /renewals, /forecast).
// Pure, so it is unit-tested; filter-people.ts applies it inside the query's WHERE.
// A CSM's lists are their own book (no CSM picker anywhere) and an AE's expansion credit is their own (no AE picker):
// those are refused. A CSM may cut their book by AE, an AE their renewals by CSM: only the people on the accounts
// they see. CS managers, leadership and admins see every account (SPEC), so every CSM and AE.

type Actor = Pick<ActingUser, "role">;

export const FILTER_PEOPLE_ROLES = ["CSM", "AE"] as const;
export type FilterPeopleRole = (typeof FILTER_PEOPLE_ROLES)[number];

/** "every" person of the role, those on the actor's "own accounts", or null: the actor may not filter by that role. */
export type PeopleReach = "every" | "ownAccounts" | null;

export function filterPeopleReach(actor: Actor, role: FilterPeopleRole): PeopleReach {
  switch (actor.role) {
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return "every";
    case "CSM":
      return role === "AE" ? "ownAccounts" : null;
    case "AE":
      return role === "CSM" ? "ownAccounts" : null;
  }
}
