-- The account page's timeline reads the notifications that link to the account or its handoffs: without an
-- index on the link that was a scan of every notification on each render.
CREATE INDEX "Notification_link_createdAt_idx" ON "Notification"("link", "createdAt");
