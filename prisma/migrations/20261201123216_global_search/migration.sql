-- Global search (lib/server/search): trigram indexes need pg_trgm, shipped with PostgreSQL (contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Account_name_trgm_idx" ON "Account" USING GIST ("name" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIST ("name" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIST ("email" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Deal_name_trgm_idx" ON "Deal" USING GIST ("name" gist_trgm_ops);
