import type { ActingUser } from "@/lib/server/authz";

// Imports, the CRM webhook and jobs act as the system; people act as themselves.
export interface SystemActor {
  kind: "system";
  label: string;
}

export type Actor = ActingUser | SystemActor;

export const systemActor = (label: string): SystemActor => ({ kind: "system", label });

export function isSystem(actor: Actor): actor is SystemActor {
  return "kind" in actor && actor.kind === "system";
}

export function actorId(actor: Actor): string | null {
  return isSystem(actor) ? null : actor.id;
}
