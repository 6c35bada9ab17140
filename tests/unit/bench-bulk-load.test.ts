import { describe, expect, it } from "vitest";
import { insertedTables } from "@/scripts/bench/bulk-load";

describe("a bulk step's tables", () => {
  it("are the ones its SQL inserts into, once each, in order", () => {
    const sql = `INSERT INTO "Touchpoint" (id) SELECT 1; UPDATE "Account" SET x = 1; INSERT INTO "AuditEvent" (at) SELECT now();
                 INSERT INTO "Touchpoint" (id) SELECT 2;`;
    expect(insertedTables(sql)).toEqual(["Touchpoint", "AuditEvent"]);
  });

  it("are none for an update or a function call", () => {
    expect(insertedTables(`UPDATE "Account" a SET "arrCents" = 0`)).toEqual([]);
    expect(insertedTables(`SELECT closed_renewal_forecast_rebuild()`)).toEqual([]);
  });
});
