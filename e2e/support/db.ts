import pg from "pg";

// Browser tests read the seeded e2e database to know which records each role must see.
let pool: pg.Pool | undefined;

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const result = await pool.query<T>(sql, params);
  return result.rows;
}

export async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await query<T>(sql, params);
  if (!row) throw new Error(`No row for: ${sql}`);
  return row;
}
