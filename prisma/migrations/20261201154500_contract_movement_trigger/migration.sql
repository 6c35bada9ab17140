-- The contract-movement rule as a trigger instead of a CHECK constraint: Prisma's schema engine (the wasm build that
-- `npm run db:diff` drives) stops on a CHECK constraint while reading the shadow database. Same rule, same rows.
ALTER TABLE "ArrMovement" DROP CONSTRAINT "ArrMovement_contract_is_own_movement";

CREATE FUNCTION "ledger_contract_is_own_movement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."contractDealId" IS NOT NULL
     AND (NEW."contractDealId" IS DISTINCT FROM NEW."sourceDealId" OR NEW."type" NOT IN ('NEW', 'EXPANSION') OR NEW."renewalOpportunityId" IS NOT NULL) THEN
    RAISE EXCEPTION USING
      ERRCODE = '23514',
      MESSAGE = 'ArrMovement_contract_is_own_movement: a contract movement is its own deal''s NEW or EXPANSION movement, outside any renewal';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ArrMovement_contract_is_own_movement" BEFORE INSERT OR UPDATE OF "contractDealId", "sourceDealId", "type", "renewalOpportunityId"
  ON "ArrMovement" FOR EACH ROW EXECUTE FUNCTION "ledger_contract_is_own_movement"();

-- The same for "an open handoff has an owner" (it was a CHECK ... NOT VALID, so old rows are not checked; neither are
-- they here: the trigger sees only rows written from now on).
ALTER TABLE "Handoff" DROP CONSTRAINT "Handoff_open_has_owner";

CREATE FUNCTION "handoff_open_has_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."ownerId" IS NULL AND NEW.status IN ('IN_PROGRESS', 'SUBMITTED') THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'Handoff_open_has_owner: an open handoff needs an owner', CONSTRAINT = 'Handoff_open_has_owner';
  END IF;
  RETURN NEW;
END;
$$;

-- Named to run after handoff_default_owner, which fills a new handoff's owner (same event: alphabetical order).
CREATE TRIGGER "handoff_open_has_owner" BEFORE INSERT OR UPDATE OF "ownerId", status ON "Handoff"
  FOR EACH ROW EXECUTE FUNCTION "handoff_open_has_owner"();
