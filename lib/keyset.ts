import { z } from "zod";

// Keyset paging: a page starts after (or ends before) the row a cursor names, by that row's sort key values, so a
// deep page is an index range read like the first instead of an OFFSET that reads and drops every row before it.
// The cursor is the values as base64url JSON: opaque in the URL, and a bad one reads as none (the first page).

export type CursorValues = (string | null)[];

const values = z.array(z.string().max(200).nullable()).min(1).max(4);

export function encodeCursor(cursor: CursorValues): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): CursorValues | null {
  if (!cursor) return null;
  try {
    const parsed = values.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The URL parameters of a keyset-paged list: `after` (next pages) or `before` (previous ones), at most 400 characters. */
export const cursorParams = {
  after: z.string().trim().min(1).max(400).optional().catch(undefined),
  before: z.string().trim().min(1).max(400).optional().catch(undefined),
};
