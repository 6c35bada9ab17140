-- Throttle rows are short-lived counters; they are re-keyed ("address:…" / "account:…"), so the old ones go.
DELETE FROM "SignInThrottle";

-- AlterTable
ALTER TABLE "SignInThrottle" DROP CONSTRAINT "SignInThrottle_pkey",
DROP COLUMN "email",
DROP COLUMN "lastFailedAt",
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key");

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A password change or reset, a deactivation and a reactivation end every session of the user at once,
-- whichever code path (or script) made the change.
CREATE FUNCTION user_sessions_end_on_credential_change() RETURNS trigger AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" OR NEW.active IS DISTINCT FROM OLD.active THEN
    UPDATE "UserSession" SET "endedAt" = now(),
      "endReason" = CASE
        WHEN NEW.active IS DISTINCT FROM OLD.active THEN CASE WHEN NEW.active THEN 'reactivated' ELSE 'deactivated' END
        ELSE 'password changed' END
    WHERE "userId" = NEW.id AND "endedAt" IS NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER user_sessions_end_on_credential_change
  AFTER UPDATE OF "passwordHash", active ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_sessions_end_on_credential_change();
