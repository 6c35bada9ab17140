// scripts/bench/bulk-load.ts on a throwaway schema: which indexes a bulk step drops, and that its statements put back
// exactly what was there.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropIndexes } from "@/scripts/bench/bulk-load";

const schema = `bulk_t_${randomBytes(4).toString("hex")}`;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

const indexes = async () =>
  (await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [schema])).rows;

beforeAll(async () => {
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
  await client.query(`
    CREATE TABLE parent (id text PRIMARY KEY);
    CREATE TABLE child (id text PRIMARY KEY, "parentId" text REFERENCES parent (id), name text, n int);
    CREATE UNIQUE INDEX child_name_key ON child (name);
    CREATE INDEX child_parent_n_idx ON child ("parentId", n DESC);
    CREATE INDEX child_positive_idx ON child (n) WHERE n > 0;
    CREATE TABLE grandchild (id text PRIMARY KEY, "childId" text REFERENCES child (id));
    CREATE TABLE leaf (id text, code text, CONSTRAINT leaf_pkey PRIMARY KEY (id), CONSTRAINT leaf_code_key UNIQUE (code));`);
});

afterAll(async () => {
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
});

describe("bench bulk load", () => {
  it("drops every index but a referenced key, and its statements rebuild the same indexes and constraints", async () => {
    const before = await indexes();
    expect(before).toHaveLength(8);
    await client.query(`BEGIN`);
    const creates = await dropIndexes(client, ["child", "leaf"]);
    // child's primary key is what grandchild's foreign key points at, so it stays; parent and grandchild were not named.
    expect((await indexes()).map((row) => row.indexname)).toEqual(["child_pkey", "grandchild_pkey", "parent_pkey"]);
    expect(creates).toHaveLength(5);
    await client.query(`INSERT INTO parent VALUES ('p1'); INSERT INTO child VALUES ('c1', 'p1', 'a', 1), ('c2', 'p1', 'b', -1);
                        INSERT INTO leaf VALUES ('l1', 'x'), ('l2', 'y')`);
    for (const create of creates) await client.query(create);
    await client.query(`COMMIT`);
    expect(await indexes()).toEqual(before);
    const constraints = await client.query<{ conname: string; contype: string }>(
      `SELECT conname, contype FROM pg_constraint WHERE conrelid = 'leaf'::regclass ORDER BY conname`,
    );
    expect(constraints.rows).toEqual([{ conname: "leaf_code_key", contype: "u" }, { conname: "leaf_pkey", contype: "p" }]);
    await expect(client.query(`INSERT INTO child VALUES ('c3', 'p1', 'a', 2)`)).rejects.toThrow(/child_name_key/);
    await expect(client.query(`INSERT INTO leaf VALUES ('l1', 'z')`)).rejects.toThrow(/leaf_pkey/);
  });

  it("drops nothing for a step that fills no table", async () => {
    expect(await dropIndexes(client, [])).toEqual([]);
  });
});
