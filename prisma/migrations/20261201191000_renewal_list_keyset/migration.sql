-- The renewal pipeline's default order ("action": open renewals soonest first, then closed ones latest first) as one
-- stored integer, so a page is an index range read from a cursor (actionOrder, id) instead of a sort of every renewal,
-- and a deep page costs what the first one does. Open: days since 2000-01-01; closed: 10,000,000 minus that, so every
-- closed renewal comes after every open one, the latest first. Kept by a trigger (never written by the app).
ALTER TABLE "RenewalOpportunity" ADD COLUMN "actionOrder" INTEGER;

CREATE FUNCTION "renewal_set_action_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."actionOrder" := CASE WHEN NEW."stage" IN ('CLOSED_WON', 'CLOSED_LOST')
    THEN 10000000 - (NEW."renewalDate" - DATE '2000-01-01')
    ELSE NEW."renewalDate" - DATE '2000-01-01' END;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "renewal_action_order" BEFORE INSERT OR UPDATE OF "stage", "renewalDate", "actionOrder" ON "RenewalOpportunity"
  FOR EACH ROW EXECUTE FUNCTION "renewal_set_action_order"();

UPDATE "RenewalOpportunity" SET "actionOrder" = 0;

CREATE INDEX "RenewalOpportunity_actionOrder_id_idx" ON "RenewalOpportunity"("actionOrder", "id");

-- The pipeline's search matches the renewal's name or its account's: each half answered by a trigram index (the
-- account's exists since global_search), the matches united, instead of testing every renewal joined to its account.
CREATE INDEX "RenewalOpportunity_name_trgm_idx" ON "RenewalOpportunity" USING GIST ("name" gist_trgm_ops);
