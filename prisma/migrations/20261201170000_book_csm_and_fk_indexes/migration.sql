-- The account's book CSM, stored and indexed: its CSM, or (when it has none, typically after it churned and its book
-- place was freed) the CSM chosen by its latest approved or overridden assignment. Dashboard cuts by CSM and team
-- filter on it. Written as `csmId = X OR (csmId IS NULL AND <latest assignment> = X)` the condition could use no
-- index, so one CSM's book scanned the whole cohort; the subquery's estimates also made PostgreSQL JIT-compile.
-- Triggers keep it: any write of an account's CSM (or of the column itself) recomputes it, and so does any change
-- of an assignment that can alter which one is the latest approved.
ALTER TABLE "Account" ADD COLUMN "bookCsmId" TEXT;

CREATE FUNCTION "account_book_csm"(account_id TEXT, csm_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(csm_id, (SELECT ca."chosenCsmId" FROM "CsmAssignment" ca
                           WHERE ca."accountId" = account_id AND ca."status" IN ('APPROVED', 'OVERRIDDEN') AND ca."chosenCsmId" IS NOT NULL
                           ORDER BY ca."decidedAt" DESC NULLS LAST, ca."createdAt" DESC LIMIT 1))
$$;

CREATE FUNCTION "account_set_book_csm"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."bookCsmId" := "account_book_csm"(NEW."id", NEW."csmId");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "account_book_csm" BEFORE INSERT OR UPDATE OF "csmId", "bookCsmId" ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "account_set_book_csm"();

CREATE FUNCTION "assignment_refresh_book_csm"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "Account" a SET "bookCsmId" = "account_book_csm"(a."id", a."csmId")
    WHERE a."id" = OLD."accountId" AND a."bookCsmId" IS DISTINCT FROM "account_book_csm"(a."id", a."csmId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Account" a SET "bookCsmId" = "account_book_csm"(a."id", a."csmId")
    WHERE a."id" = NEW."accountId" AND a."bookCsmId" IS DISTINCT FROM "account_book_csm"(a."id", a."csmId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "assignment_refresh_book_csm" AFTER INSERT OR DELETE OR UPDATE OF "accountId", "status", "chosenCsmId", "decidedAt", "createdAt"
  ON "CsmAssignment" FOR EACH ROW EXECUTE FUNCTION "assignment_refresh_book_csm"();

UPDATE "Account" SET "bookCsmId" = NULL;

CREATE INDEX "Account_bookCsmId_idx" ON "Account"("bookCsmId");

-- Foreign keys that filters and cascades read: a deal's risk assessments (SET NULL on delete, and lookups by deal),
-- a renewal's touchpoints (cancelled on close, counted by the renewal flow), a deal's ledger movements.
CREATE INDEX "RiskAssessment_dealId_idx" ON "RiskAssessment"("dealId");
CREATE INDEX "Touchpoint_renewalOpportunityId_idx" ON "Touchpoint"("renewalOpportunityId");
CREATE INDEX "ArrMovement_sourceDealId_idx" ON "ArrMovement"("sourceDealId");
