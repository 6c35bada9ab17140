-- The accounts list searches name OR external id anywhere in the text (`ILIKE '%q%'`). With a trigram index on the
-- name only, the OR could use neither side's index and scanned every account (57-123 ms at company scale, twice per
-- page: the rows and the count); with both, PostgreSQL ORs two bitmap index scans.
CREATE INDEX "Account_externalId_trgm_idx" ON "Account" USING GIST ("externalId" gist_trgm_ops);
