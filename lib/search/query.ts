import { z } from "zod";

// What a person types into the global search, made safe for SQL LIKE. Two characters are enough to start: they
// match the start of a name ("ac" finds "Acme"), three or more match anywhere ("cme" finds "Acme" and "Big Acme").

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;

export const searchQuery = z
  .string()
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(SEARCH_MIN_LENGTH, `Type at least ${SEARCH_MIN_LENGTH} characters.`)
      .max(SEARCH_MAX_LENGTH, `Keep it under ${SEARCH_MAX_LENGTH} characters.`),
  );

/** LIKE's own characters (and its escape) taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The ILIKE pattern for a query: anywhere in the text from three characters on, the start of the text for two
 * (trigram indexes need three characters to narrow a match anywhere; an anchored prefix they narrow by its start).
 */
export function likePattern(query: string): string {
  const escaped = escapeLike(query);
  return query.length < 3 ? `${escaped}%` : `%${escaped}%`;
}

/**
 * A Prisma filter for text containing `query` literally, any case. Prisma's `contains` puts the text between `%`s
 * as it is, so "50%" would also find "500 Off" and "a_b" "axb".
 */
export function containsText(query: string): { contains: string; mode: "insensitive" } {
  return { contains: escapeLike(query), mode: "insensitive" };
}
