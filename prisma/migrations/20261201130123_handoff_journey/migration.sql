-- CreateEnum
CREATE TYPE "FlowStep" AS ENUM ('RENEWAL_PLAN', 'STAKEHOLDERS_CONFIRMED', 'FORECAST_CALL', 'RENEWAL_PLANNING_DONE', 'EXPANSION_SCOPE', 'EXPANSION_LEAD', 'EXPANSION_DEAL');

-- AlterTable
ALTER TABLE "CsmAssignment" ALTER COLUMN "suggestedScore" SET DATA TYPE DECIMAL(14,8);

-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "ownerId" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "freeBusyError" TEXT,
ADD COLUMN     "freeBusyFetchedAt" TIMESTAMP(3),
ADD COLUMN     "freeBusyUrl" TEXT,
ADD COLUMN     "timezone" TEXT,
ADD COLUMN     "workdayEnd" TEXT,
ADD COLUMN     "workdayStart" TEXT;

-- CreateTable
CREATE TABLE "BusyInterval" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusyInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffFlowStep" (
    "id" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "step" "FlowStep" NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "completedById" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "HandoffFlowStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BusyInterval_userId_startsAt_idx" ON "BusyInterval"("userId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffFlowStep_handoffId_step_key" ON "HandoffFlowStep"("handoffId", "step");

-- CreateIndex
CREATE INDEX "Handoff_ownerId_status_idx" ON "Handoff"("ownerId", "status");

-- AddForeignKey
ALTER TABLE "BusyInterval" ADD CONSTRAINT "BusyInterval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffFlowStep" ADD CONSTRAINT "HandoffFlowStep_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffFlowStep" ADD CONSTRAINT "HandoffFlowStep_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: every open handoff has an owner (who must move it next).
-- A new handoff without one takes its deal's AE, else its account's CSM; the code that opens the others
-- (a Renewal handoff of an account without a CSM, an Expansion handoff) names one itself.
CREATE FUNCTION handoff_default_owner() RETURNS trigger AS $$
BEGIN
  IF NEW."ownerId" IS NULL AND NEW."dealId" IS NOT NULL THEN
    SELECT d."ownerId" INTO NEW."ownerId" FROM "Deal" d WHERE d.id = NEW."dealId";
  END IF;
  IF NEW."ownerId" IS NULL THEN
    SELECT a."csmId" INTO NEW."ownerId" FROM "Account" a WHERE a.id = NEW."accountId";
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER handoff_default_owner BEFORE INSERT ON "Handoff" FOR EACH ROW EXECUTE FUNCTION handoff_default_owner();

-- Existing handoffs: the deal's AE, else the account's CSM, else its AE, else a CS manager.
UPDATE "Handoff" h SET "ownerId" = d."ownerId" FROM "Deal" d WHERE h."dealId" = d.id AND h."ownerId" IS NULL;
UPDATE "Handoff" h SET "ownerId" = COALESCE(a."csmId", a."aeId") FROM "Account" a WHERE h."accountId" = a.id AND h."ownerId" IS NULL;
UPDATE "Handoff" SET "ownerId" = (SELECT u.id FROM "User" u WHERE u.role = 'CS_MANAGER' AND u.active ORDER BY u.name, u.id LIMIT 1)
WHERE "ownerId" IS NULL;

-- NOT VALID: a database with an open, ownerless handoff and no CS manager still migrates; every row written
-- from now on is checked.
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_open_has_owner"
  CHECK ("ownerId" IS NOT NULL OR status NOT IN ('IN_PROGRESS', 'SUBMITTED')) NOT VALID;
