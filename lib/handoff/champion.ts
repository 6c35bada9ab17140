import type { ContactRole } from "@/lib/generated/prisma/enums";

// The customer's champion: whom the client introduction greets (a contact role, not a Baton user's role).

export function isChampion(contact: { role?: ContactRole | null }): boolean {
  return contact.role === "CHAMPION";
}

/** The account's first-recorded champion, as the introduction draft reads it from the database. */
export function earliestChampion<T extends { role: ContactRole; createdAt: Date }>(contacts: readonly T[]): T | undefined {
  return contacts.filter(isChampion).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
}
