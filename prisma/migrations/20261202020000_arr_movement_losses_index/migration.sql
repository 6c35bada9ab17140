-- The ARR bridge's losses by reason (churn and contraction dated in the period, by reason and addressable, with the
-- distinct accounts) read ~14k movements a quarter through the (type, date) index and then ~9k heap pages: 130-290 ms,
-- a quarter of the database's active time under bench:load. With reason and addressable in the index it is an
-- index-only scan (~5 ms).
CREATE INDEX "ArrMovement_losses_idx" ON "ArrMovement"("type", "date", "reason", "addressable", "accountId", "amountCents");
