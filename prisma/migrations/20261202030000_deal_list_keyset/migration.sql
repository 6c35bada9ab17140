-- The deals list's default order ("action": open deals soonest expected close first, then closed ones latest first) as
-- one stored integer, as the renewal pipeline's (renewal_list_keyset): a page is an index range read from a cursor
-- (actionOrder, id) instead of two counted, OFFSET-paged halves, and a deep page costs what the first one does.
-- Open: days since 2000-01-01 of the close date; closed: 10,000,000 minus that, so every closed deal comes after every
-- open one, the latest first. Kept by a trigger (never written by the app).
ALTER TABLE "Deal" ADD COLUMN "actionOrder" INTEGER;

CREATE FUNCTION "deal_set_action_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."actionOrder" := CASE WHEN NEW."stage" IN ('CLOSED_WON', 'CLOSED_LOST')
    THEN 10000000 - (NEW."closeDate" - DATE '2000-01-01')
    ELSE NEW."closeDate" - DATE '2000-01-01' END;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "deal_action_order" BEFORE INSERT OR UPDATE OF "stage", "closeDate", "actionOrder" ON "Deal"
  FOR EACH ROW EXECUTE FUNCTION "deal_set_action_order"();

UPDATE "Deal" SET "actionOrder" = 0;

CREATE INDEX "Deal_actionOrder_id_idx" ON "Deal"("actionOrder", "id");
-- The other sorts (every deal by name, ARR, close date or stage, either direction, ties by id in the same direction)
-- read an index in that order from the cursor instead of sorting every deal for each page.
CREATE INDEX "Deal_name_id_idx" ON "Deal"("name", "id");
CREATE INDEX "Deal_amountCents_id_idx" ON "Deal"("amountCents", "id");
CREATE INDEX "Deal_closeDate_id_idx" ON "Deal"("closeDate", "id");
CREATE INDEX "Deal_stage_id_idx" ON "Deal"("stage", "id");
-- An AE's own deals in the default order, from the same kind of range.
CREATE INDEX "Deal_ownerId_actionOrder_id_idx" ON "Deal"("ownerId", "actionOrder", "id");
