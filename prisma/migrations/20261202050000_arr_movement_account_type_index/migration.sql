-- An account's movements of one type (issue 15). Recomputing many accounts' expansion credit rows at once (the
-- summaries' rebuild, a bulk write) joined their EXPANSION movements on ArrMovement(type, date, accountId,
-- amountCents): index-only, so the generic plan took it, but accountId after date is no range, so each account walked
-- every expansion of the company (≈ 400,000 entries at 1×): the rebuild of 50,000 accounts ran for over 20 minutes.
-- Keyed by account and type first, each account reads its own few entries (2,000 accounts: 0.3 s; rebuild 51 s).
CREATE INDEX "ArrMovement_accountId_type_date_amountCents_idx" ON "ArrMovement"("accountId", "type", "date", "amountCents");
