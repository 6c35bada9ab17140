-- The renewal forecast (issue 12): contract terms on the renewal, the CSM's call and the CS manager's override, the
-- checkpoints (one per renewal per checkpoint: a unique index) and the weekly snapshots (one per renewal per week).

-- CreateEnum
CREATE TYPE "ForecastCategory" AS ENUM ('COMMIT', 'BEST_CASE', 'PIPELINE', 'AT_RISK', 'OMITTED');

-- CreateEnum
CREATE TYPE "ForecastOutcome" AS ENUM ('FLAT', 'UPLIFT', 'DOWNSELL', 'CHURN');

-- CreateEnum
CREATE TYPE "CheckpointStatus" AS ENUM ('OPEN', 'AGREED', 'AWAITING_MANAGER', 'DECIDED');

-- AlterTable
ALTER TABLE "RenewalOpportunity" ADD COLUMN     "autoRenew" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "noticeDays" INTEGER,
ADD COLUMN     "upliftPct" DECIMAL(5,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RenewalForecast" (
    "renewalOpportunityId" TEXT NOT NULL,
    "category" "ForecastCategory" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "outcome" "ForecastOutcome" NOT NULL,
    "nextStep" TEXT NOT NULL DEFAULT '',
    "nextStepDate" DATE,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL,
    "overrideCategory" "ForecastCategory",
    "overrideAmountCents" BIGINT,
    "overrideOutcome" "ForecastOutcome",
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "overrideAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RenewalForecast_pkey" PRIMARY KEY ("renewalOpportunityId")
);

-- CreateTable
CREATE TABLE "ForecastCheckpoint" (
    "id" TEXT NOT NULL,
    "renewalOpportunityId" TEXT NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "CheckpointStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "csmCategory" "ForecastCategory",
    "csmAmountCents" BIGINT,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3),
    "batonScore" INTEGER,
    "batonCategory" "ForecastCategory",
    "managerId" TEXT,
    "decidedCategory" "ForecastCategory",
    "decidedAmountCents" BIGINT,
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "ForecastCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForecastSnapshot" (
    "id" TEXT NOT NULL,
    "renewalOpportunityId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "category" "ForecastCategory" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "outcome" "ForecastOutcome" NOT NULL,
    "baseAmountCents" BIGINT NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "csmId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForecastCheckpoint_status_dueDate_idx" ON "ForecastCheckpoint"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "ForecastCheckpoint_renewalOpportunityId_daysBefore_key" ON "ForecastCheckpoint"("renewalOpportunityId", "daysBefore");

-- CreateIndex
CREATE INDEX "ForecastSnapshot_weekStart_idx" ON "ForecastSnapshot"("weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "ForecastSnapshot_renewalOpportunityId_weekStart_key" ON "ForecastSnapshot"("renewalOpportunityId", "weekStart");

-- AddForeignKey
ALTER TABLE "RenewalForecast" ADD CONSTRAINT "RenewalForecast_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalForecast" ADD CONSTRAINT "RenewalForecast_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalForecast" ADD CONSTRAINT "RenewalForecast_overrideById_fkey" FOREIGN KEY ("overrideById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastCheckpoint" ADD CONSTRAINT "ForecastCheckpoint_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastCheckpoint" ADD CONSTRAINT "ForecastCheckpoint_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastCheckpoint" ADD CONSTRAINT "ForecastCheckpoint_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastSnapshot" ADD CONSTRAINT "ForecastSnapshot_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
