// Bulk loading for the benchmark generator: a step that fills tables with triggers off runs in one transaction with
// those tables' indexes dropped, and rebuilds them at its end. Kept index by index, a million random text keys cost
// random page writes in every index (ArrMovement has nine, Deal fourteen), so at 10× the inserts spent most of their
// time in index maintenance (the movements took 15.6× their 1× time); one sort per index after the insert does not grow
// faster than the rows. Only the indexes no foreign key depends on are dropped (a primary key that another table
// references stays), and only on the tables the step's own SQL inserts into: a table a function fills (a rebuild, which
// reads it and upserts into it) keeps its indexes.
import type pg from "pg";

/** The tables a step's SQL inserts into, in order of appearance. */
export function insertedTables(sql: string): string[] {
  return [...new Set([...sql.matchAll(/INSERT INTO "(\w+)"/g)].map((match) => match[1]!))];
}

/**
 * The statements that recreate `tables`' indexes and unreferenced key constraints, after dropping them (inside the
 * caller's transaction: a failed step leaves them as they were).
 */
export async function dropIndexes(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const { rows } = await client.query<{ drop: string; create: string }>(
    `SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                 ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, c.conname) END AS drop,
            CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                 ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) END AS create
     FROM pg_index i
     LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
     WHERE i.indrelid = ANY (SELECT format('%I', t)::regclass FROM unnest($1::text[]) t)
       -- An index a foreign key relies on (the referenced key) cannot be dropped without the key.
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
       -- One an exclusion or other constraint owns that is not a key is left alone too.
       AND (c.oid IS NOT NULL OR NOT EXISTS (SELECT 1 FROM pg_constraint o WHERE o.conindid = i.indexrelid))
     ORDER BY i.indexrelid`,
    [tables],
  );
  for (const row of rows) await client.query(row.drop);
  return rows.map((row) => row.create);
}
