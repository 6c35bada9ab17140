import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CursorValues } from "@/lib/keyset";

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
