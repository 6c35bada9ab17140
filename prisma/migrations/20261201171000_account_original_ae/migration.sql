-- The account's original AE (policy 003, AE expansion credit): the owner of its first closed-won new-business deal
-- (two on one day: the owner whose id sorts first), stored and indexed. NULL while it has none; the credit then keeps
-- the assigned AE as the original. Looking it up per account (or one DISTINCT ON pass over every won deal for a
-- whole company) was a third of the credit measure. A trigger on Deal keeps it whenever a write can change which
-- deal is that first one; writes to the column itself are recomputed.
ALTER TABLE "Account" ADD COLUMN "originalAeId" TEXT;

CREATE FUNCTION "account_original_ae"(account_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT o."ownerId" FROM "Deal" o
  WHERE o."accountId" = account_id AND o."type" = 'NEW' AND o."stage" = 'CLOSED_WON'
  ORDER BY o."closeDate", o."ownerId" LIMIT 1
$$;

CREATE FUNCTION "account_set_original_ae"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."originalAeId" := "account_original_ae"(NEW."id");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "account_original_ae" BEFORE INSERT OR UPDATE OF "originalAeId" ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "account_set_original_ae"();

CREATE FUNCTION "deal_refresh_original_ae"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only a won new-business deal, before or after the write, can be an account's first one.
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."type" = 'NEW' AND OLD."stage" = 'CLOSED_WON' THEN
    UPDATE "Account" a SET "originalAeId" = NULL
    WHERE a."id" = OLD."accountId" AND a."originalAeId" IS DISTINCT FROM "account_original_ae"(a."id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."type" = 'NEW' AND NEW."stage" = 'CLOSED_WON' THEN
    UPDATE "Account" a SET "originalAeId" = NULL
    WHERE a."id" = NEW."accountId" AND a."originalAeId" IS DISTINCT FROM "account_original_ae"(a."id");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "deal_refresh_original_ae" AFTER INSERT OR DELETE OR UPDATE OF "accountId", "type", "stage", "closeDate", "ownerId"
  ON "Deal" FOR EACH ROW EXECUTE FUNCTION "deal_refresh_original_ae"();

UPDATE "Account" SET "originalAeId" = NULL;

CREATE INDEX "Account_originalAeId_idx" ON "Account"("originalAeId");
