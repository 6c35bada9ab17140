-- Each renewal carries its account's current risk level (the overall level of the account's latest risk
-- assessment), so the pipeline filters, sorts and counts by risk from an index instead of joining every renewal
-- to its account's latest assessment. Triggers keep it from both sides: a risk assessment written, changed or
-- removed updates the account's renewals; a renewal written (or moved to another account) reads its account's
-- latest assessment. Writes to the column itself are recomputed.
ALTER TABLE "RenewalOpportunity" ADD COLUMN "riskLevel" "RiskLevel";

CREATE FUNCTION "account_current_risk"(account_id TEXT) RETURNS "RiskLevel" LANGUAGE sql STABLE AS $$
  SELECT x."overall" FROM "RiskAssessment" x WHERE x."accountId" = account_id ORDER BY x."createdAt" DESC, x."id" DESC LIMIT 1
$$;

CREATE FUNCTION "renewal_set_risk_level"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."riskLevel" := "account_current_risk"(NEW."accountId");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "renewal_risk_level" BEFORE INSERT OR UPDATE OF "accountId", "riskLevel" ON "RenewalOpportunity"
  FOR EACH ROW EXECUTE FUNCTION "renewal_set_risk_level"();

CREATE FUNCTION "risk_refresh_renewals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "RenewalOpportunity" r SET "riskLevel" = NULL
    WHERE r."accountId" = OLD."accountId" AND r."riskLevel" IS DISTINCT FROM "account_current_risk"(OLD."accountId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "RenewalOpportunity" r SET "riskLevel" = NULL
    WHERE r."accountId" = NEW."accountId" AND r."riskLevel" IS DISTINCT FROM "account_current_risk"(NEW."accountId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "risk_refresh_renewals" AFTER INSERT OR DELETE OR UPDATE OF "accountId", "overall", "createdAt" ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION "risk_refresh_renewals"();

UPDATE "RenewalOpportunity" SET "riskLevel" = NULL;

CREATE INDEX "RenewalOpportunity_riskLevel_renewalDate_id_idx" ON "RenewalOpportunity"("riskLevel", "renewalDate", "id");
