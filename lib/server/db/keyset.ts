import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, type CursorValues } from "@/lib/keyset";
import { paged, type KeysetPaged } from "@/lib/paging";

// The SQL of keyset paging (lib/keyset.ts): the ORDER BY of a list's sort keys and the condition "comes after this
// cursor" in that order, forwards or (for the previous page) backwards. All keys ascending and non-null is one row
// comparison, which an index on the same columns answers as a range; otherwise the condition is spelled out key by
// key, NULLs last as the lists sort them.

export interface SortKey {
  expr: Prisma.Sql;
  dir: "asc" | "desc";
  /** The column may be NULL (sorted last). */
  nullable?: boolean;
  /** How a cursor value (text) is read back as the column's type, e.g. `::date`. */
  cast?: string;
}

const flip = (dir: SortKey["dir"]): SortKey["dir"] => (dir === "asc" ? "desc" : "asc");

export function keysetOrder(keys: readonly SortKey[], backwards = false): Prisma.Sql {
  return Prisma.join(
    keys.map((key) => {
      const dir = backwards ? flip(key.dir) : key.dir;
      const nulls = key.nullable ? (backwards ? " NULLS FIRST" : " NULLS LAST") : "";
      return Prisma.sql`${key.expr} ${Prisma.raw(dir.toUpperCase())}${Prisma.raw(nulls)}`;
    }),
    ", ",
  );
}

function valueOf(key: SortKey, value: string): Prisma.Sql {
  return Prisma.sql`${value}${Prisma.raw(key.cast ?? "")}`;
}

/** Rows strictly after the cursor in the keys' order (strictly before it with `backwards`). */
export function keysetAfter(keys: readonly SortKey[], cursor: CursorValues, backwards = false): Prisma.Sql {
  if (cursor.length !== keys.length) return Prisma.sql`FALSE`;
  if (keys.every((key) => key.dir === keys[0]?.dir && !key.nullable) && cursor.every((value) => value !== null)) {
    const forwards = (keys[0]?.dir === "asc") !== backwards;
    return Prisma.sql`(${Prisma.join(keys.map((key) => key.expr), ", ")}) ${Prisma.raw(forwards ? ">" : "<")} (${Prisma.join(keys.map((key, i) => valueOf(key, cursor[i] as string)), ", ")})`;
  }
  return after(keys, cursor, 0, backwards);
}

function after(keys: readonly SortKey[], cursor: CursorValues, index: number, backwards: boolean): Prisma.Sql {
  const key = keys[index];
  if (!key) return Prisma.sql`FALSE`;
  const rest = after(keys, cursor, index + 1, backwards);
  const value = cursor[index] ?? null;
  // NULLs sort last forwards: after a NULL only NULLs (then the next key decides); before it every non-NULL.
  if (value === null) {
    return backwards ? Prisma.sql`(${key.expr} IS NOT NULL OR (${key.expr} IS NULL AND ${rest}))` : Prisma.sql`(${key.expr} IS NULL AND ${rest})`;
  }
  const greater = (key.dir === "asc") !== backwards;
  const beyond = Prisma.sql`${key.expr} ${Prisma.raw(greater ? ">" : "<")} ${valueOf(key, value)}`;
  const nulls = key.nullable && !backwards ? Prisma.sql` OR ${key.expr} IS NULL` : Prisma.empty;
  return Prisma.sql`(${beyond}${nulls} OR (${key.expr} = ${valueOf(key, value)} AND ${rest}))`;
}

/** Which rows a keyset-paged query reads: `limit` rows from an OFFSET (page 1, an old `?page=N` link) or from a cursor. */
export type KeysetWindow = { limit: number; offset: number } | { limit: number; cursor: CursorValues; backwards: boolean };

/** The parts of a list's query for one window: the cursor's condition (if any), the ORDER BY and the LIMIT/OFFSET. */
export function keysetWindowSql(keys: readonly SortKey[], window: KeysetWindow | null): { condition: Prisma.Sql | null; order: Prisma.Sql; limit: Prisma.Sql; backwards: boolean } {
  const backwards = window !== null && "cursor" in window && window.backwards;
  const condition = window && "cursor" in window ? keysetAfter(keys, window.cursor, backwards) : null;
  const offset = window && "offset" in window && window.offset > 0 ? Prisma.sql` OFFSET ${window.offset}` : Prisma.empty;
  const limit = window === null ? Prisma.empty : Prisma.sql`LIMIT ${window.limit}${offset}`;
  return { condition, order: keysetOrder(keys, backwards), limit, backwards };
}

export interface KeysetPageParams {
  page: number;
  perPage: number;
  after?: string;
  before?: string;
}

/**
 * One page of a keyset-paged list. With a cursor (`after` the last row of the page before, or `before` the first row
 * of the page after) it is an index range from that row; without one (page 1, or an old `?page=N` link) an OFFSET.
 * `read` returns the rows of a window in the list's order (a backwards window already turned round). The page number
 * is carried in the URL for the "page N of M" line only.
 */
export async function readKeysetPage<Row>(params: KeysetPageParams, read: (window: KeysetWindow) => Promise<Row[]>): Promise<{ rows: Row[]; first: boolean; more: boolean }> {
  const limit = params.perPage + 1;
  const cursor = decodeCursor(params.after ?? params.before);
  if (cursor) {
    const backwards = !params.after;
    const rows = await read({ limit, cursor, backwards });
    const more = rows.length === limit;
    if (!backwards) return { rows: rows.slice(0, params.perPage), first: false, more };
    // Back at the start with less than a page (rows came or went): the first page, whole.
    if (!more && rows.length < params.perPage) return readKeysetPage({ ...params, before: undefined, page: 1 }, read);
    return { rows: more ? rows.slice(1) : rows, first: !more, more: true };
  }
  const rows = await read({ limit, offset: (params.page - 1) * params.perPage });
  return { rows: rows.slice(0, params.perPage), first: params.page === 1, more: rows.length === limit };
}

/** The page as the list shows it, with the cursors of its first and last rows for Previous and Next. */
export function keysetPaged<Row, Out>(
  read: { rows: Row[]; first: boolean; more: boolean },
  data: Out[],
  count: number,
  params: KeysetPageParams,
  cursorOf: (row: Row) => string,
): KeysetPaged<Out> {
  const { rows, first, more } = read;
  const [head, tail] = [rows[0], rows[rows.length - 1]];
  return {
    ...paged(data, count, first ? 1 : params.page, params.perPage),
    previous: !first && head ? cursorOf(head) : null,
    next: more && tail ? cursorOf(tail) : null,
  };
}
