-- CreateEnum
CREATE TYPE "Role" AS ENUM ('AE', 'CSM', 'CS_MANAGER', 'LEADERSHIP', 'ADMIN');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('ENTERPRISE', 'MID_MARKET', 'SCALE');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('CHAMPION', 'ECONOMIC_BUYER', 'EXECUTIVE_SPONSOR', 'TECHNICAL_LEAD', 'USER', 'OTHER');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "DealType" AS ENUM ('NEW', 'RENEWAL', 'EXPANSION');

-- CreateEnum
CREATE TYPE "DealStage" AS ENUM ('PROSPECTING', 'DISCOVERY', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST');

-- CreateEnum
CREATE TYPE "HandoffType" AS ENUM ('NEW_CUSTOMER', 'RENEWAL', 'EXPANSION');

-- CreateEnum
CREATE TYPE "HandoffStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'COMPLETED', 'ACKNOWLEDGED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "PolicyStep" AS ENUM ('HANDOFF_MEETING', 'CLIENT_INTRODUCTION', 'DOCUMENTATION_TRANSFER', 'ACCOUNT_SETUP');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('HANDOFF_MEETING', 'HANDOFF_CALL', 'KICKOFF');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('CLIENT_INTRODUCTION', 'HANDOFF_NOTIFICATION', 'RENEWAL_ALERT', 'ESCALATION', 'DIGEST');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('SIGNED_CONTRACT', 'SOW', 'VALUE_PROJECTION', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('PENDING', 'APPROVED', 'OVERRIDDEN', 'REJECTED');

-- CreateEnum
CREATE TYPE "RenewalStage" AS ENUM ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED', 'CLOSED_WON', 'CLOSED_LOST');

-- CreateEnum
CREATE TYPE "TouchpointType" AS ENUM ('HANDOFF_CALL', 'KICKOFF', 'TRAINING', 'GO_LIVE', 'CHECK_IN', 'HEALTH_CHECK', 'QBR', 'RENEWAL_PLANNING', 'RENEWAL_CALL', 'RENEWAL_CLOSE');

-- CreateEnum
CREATE TYPE "TouchpointStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ArrMovementType" AS ENUM ('NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'RENEWAL');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "managerId" TEXT,
    "calendarToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "CsmProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tier" "Segment" NOT NULL,
    "maxAccounts" INTEGER NOT NULL,
    "maxArrCents" BIGINT NOT NULL,
    "segments" "Segment"[],
    "industries" TEXT[],
    "region" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "languages" TEXT[],
    "npsScore" DECIMAL(5,2) NOT NULL,
    "retentionRate" DECIMAL(5,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CsmProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "technical" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CsmProductExpertise" (
    "csmProfileId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "CsmProductExpertise_pkey" PRIMARY KEY ("csmProfileId","productId")
);

-- CreateTable
CREATE TABLE "CsmCertification" (
    "csmProfileId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "certifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsmCertification_pkey" PRIMARY KEY ("csmProfileId","productId")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "industry" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "primaryLanguage" TEXT NOT NULL,
    "strategic" BOOLEAN NOT NULL DEFAULT false,
    "needsOnsite" BOOLEAN NOT NULL DEFAULT false,
    "healthScore" INTEGER NOT NULL DEFAULT 70,
    "usagePct" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "expansionPotentialCents" BIGINT NOT NULL DEFAULT 0,
    "arrCents" BIGINT NOT NULL DEFAULT 0,
    "csmId" TEXT,
    "csmAssignedAt" DATE,
    "aeId" TEXT,
    "initialSignedAt" DATE,
    "goLiveAt" DATE,
    "firstValueAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "role" "ContactRole" NOT NULL,
    "email" TEXT NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'MEDIUM',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "DealType" NOT NULL,
    "stage" "DealStage" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "closeDate" DATE NOT NULL,
    "contractStart" DATE,
    "ownerId" TEXT NOT NULL,
    "winReason" TEXT NOT NULL DEFAULT '',
    "competitor" TEXT NOT NULL DEFAULT '',
    "painPoints" TEXT[],
    "risks" TEXT[],
    "technicalRequirements" TEXT[],
    "integrations" TEXT[],
    "implementationTimeline" TEXT NOT NULL DEFAULT '',
    "closedWonAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealProduct" (
    "dealId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "DealProduct_pkey" PRIMARY KEY ("dealId","productId")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "type" "HandoffType" NOT NULL,
    "status" "HandoffStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "accountId" TEXT NOT NULL,
    "dealId" TEXT,
    "renewalOpportunityId" TEXT,
    "checklist" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedWithinSla" BOOLEAN,
    "skippedAt" TIMESTAMP(3),
    "skipReason" TEXT,
    "skippedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffPolicyStep" (
    "id" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "step" "PolicyStep" NOT NULL,
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoffPolicyStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "accountId" TEXT NOT NULL,
    "dealId" TEXT,
    "handoffId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 30,
    "attendeeEmails" TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "accountId" TEXT,
    "handoffId" TEXT,
    "sentById" TEXT,
    "fromEmail" TEXT NOT NULL,
    "toEmails" TEXT[],
    "ccEmails" TEXT[],
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailTemplate_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "handoffId" TEXT,
    "name" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "dealId" TEXT,
    "handoffId" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "tags" TEXT[],
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CsmAssignment" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "handoffId" TEXT,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'PENDING',
    "suggestedCsmId" TEXT,
    "suggestedScore" DECIMAL(8,2),
    "candidates" JSONB NOT NULL DEFAULT '[]',
    "chosenCsmId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "effectiveDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsmAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalOpportunity" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "originalDealId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "renewalDate" DATE NOT NULL,
    "stage" "RenewalStage" NOT NULL DEFAULT 'RENEWAL_PENDING',
    "originalCloseDate" DATE NOT NULL,
    "contractTermMonths" INTEGER NOT NULL,
    "closedAmountCents" BIGINT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RenewalOpportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalProduct" (
    "renewalOpportunityId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "RenewalProduct_pkey" PRIMARY KEY ("renewalOpportunityId","productId")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "sourceDealId" TEXT,
    "renewalOpportunityId" TEXT,
    "type" "TouchpointType" NOT NULL,
    "dueDate" DATE NOT NULL,
    "ruleDate" DATE NOT NULL,
    "asapFlag" BOOLEAN NOT NULL DEFAULT false,
    "aeInvited" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "status" "TouchpointStatus" NOT NULL DEFAULT 'PLANNED',
    "completedAt" TIMESTAMP(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "dealId" TEXT,
    "overall" "RiskLevel" NOT NULL,
    "factors" JSONB NOT NULL,
    "trigger" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrMovement" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "type" "ArrMovementType" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "sourceDealId" TEXT,
    "renewalOpportunityId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE INDEX "User_managerId_idx" ON "User"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "CsmProfile_userId_key" ON "CsmProfile"("userId");

-- CreateIndex
CREATE INDEX "CsmProfile_tier_idx" ON "CsmProfile"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "Product_name_key" ON "Product"("name");

-- CreateIndex
CREATE INDEX "CsmProductExpertise_productId_idx" ON "CsmProductExpertise"("productId");

-- CreateIndex
CREATE INDEX "CsmCertification_productId_idx" ON "CsmCertification"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");

-- CreateIndex
CREATE INDEX "Account_csmId_idx" ON "Account"("csmId");

-- CreateIndex
CREATE INDEX "Account_aeId_idx" ON "Account"("aeId");

-- CreateIndex
CREATE INDEX "Account_segment_idx" ON "Account"("segment");

-- CreateIndex
CREATE INDEX "Account_name_idx" ON "Account"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_accountId_email_key" ON "Contact"("accountId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_externalId_key" ON "Deal"("externalId");

-- CreateIndex
CREATE INDEX "Deal_ownerId_stage_idx" ON "Deal"("ownerId", "stage");

-- CreateIndex
CREATE INDEX "Deal_accountId_idx" ON "Deal"("accountId");

-- CreateIndex
CREATE INDEX "Deal_stage_closeDate_idx" ON "Deal"("stage", "closeDate");

-- CreateIndex
CREATE INDEX "DealProduct_productId_idx" ON "DealProduct"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_renewalOpportunityId_key" ON "Handoff"("renewalOpportunityId");

-- CreateIndex
CREATE INDEX "Handoff_status_dueAt_idx" ON "Handoff"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Handoff_accountId_idx" ON "Handoff"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_dealId_type_key" ON "Handoff"("dealId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffPolicyStep_handoffId_step_key" ON "HandoffPolicyStep"("handoffId", "step");

-- CreateIndex
CREATE INDEX "Meeting_accountId_startsAt_idx" ON "Meeting"("accountId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_dealId_idx" ON "Meeting"("dealId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_accountId_createdAt_idx" ON "EmailMessage"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectMilestone_accountId_position_idx" ON "ProjectMilestone"("accountId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_accountId_createdAt_idx" ON "Document"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_handoffId_idx" ON "Document"("handoffId");

-- CreateIndex
CREATE INDEX "CsmAssignment_status_createdAt_idx" ON "CsmAssignment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CsmAssignment_accountId_idx" ON "CsmAssignment"("accountId");

-- CreateIndex
CREATE INDEX "CsmAssignment_handoffId_idx" ON "CsmAssignment"("handoffId");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalOpportunity_originalDealId_key" ON "RenewalOpportunity"("originalDealId");

-- CreateIndex
CREATE INDEX "RenewalOpportunity_renewalDate_idx" ON "RenewalOpportunity"("renewalDate");

-- CreateIndex
CREATE INDEX "RenewalOpportunity_stage_renewalDate_idx" ON "RenewalOpportunity"("stage", "renewalDate");

-- CreateIndex
CREATE INDEX "RenewalOpportunity_accountId_idx" ON "RenewalOpportunity"("accountId");

-- CreateIndex
CREATE INDEX "Touchpoint_ownerId_status_dueDate_idx" ON "Touchpoint"("ownerId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Touchpoint_accountId_dueDate_idx" ON "Touchpoint"("accountId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Touchpoint_sourceDealId_type_key" ON "Touchpoint"("sourceDealId", "type");

-- CreateIndex
CREATE INDEX "RiskAssessment_accountId_createdAt_idx" ON "RiskAssessment"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ArrMovement_accountId_date_idx" ON "ArrMovement"("accountId", "date");

-- CreateIndex
CREATE INDEX "ArrMovement_date_idx" ON "ArrMovement"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmProfile" ADD CONSTRAINT "CsmProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmProductExpertise" ADD CONSTRAINT "CsmProductExpertise_csmProfileId_fkey" FOREIGN KEY ("csmProfileId") REFERENCES "CsmProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmProductExpertise" ADD CONSTRAINT "CsmProductExpertise_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmCertification" ADD CONSTRAINT "CsmCertification_csmProfileId_fkey" FOREIGN KEY ("csmProfileId") REFERENCES "CsmProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmCertification" ADD CONSTRAINT "CsmCertification_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_aeId_fkey" FOREIGN KEY ("aeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealProduct" ADD CONSTRAINT "DealProduct_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealProduct" ADD CONSTRAINT "DealProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_skippedById_fkey" FOREIGN KEY ("skippedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffPolicyStep" ADD CONSTRAINT "HandoffPolicyStep_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffPolicyStep" ADD CONSTRAINT "HandoffPolicyStep_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmAssignment" ADD CONSTRAINT "CsmAssignment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmAssignment" ADD CONSTRAINT "CsmAssignment_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmAssignment" ADD CONSTRAINT "CsmAssignment_suggestedCsmId_fkey" FOREIGN KEY ("suggestedCsmId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmAssignment" ADD CONSTRAINT "CsmAssignment_chosenCsmId_fkey" FOREIGN KEY ("chosenCsmId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsmAssignment" ADD CONSTRAINT "CsmAssignment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOpportunity" ADD CONSTRAINT "RenewalOpportunity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOpportunity" ADD CONSTRAINT "RenewalOpportunity_originalDealId_fkey" FOREIGN KEY ("originalDealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalProduct" ADD CONSTRAINT "RenewalProduct_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalProduct" ADD CONSTRAINT "RenewalProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_sourceDealId_fkey" FOREIGN KEY ("sourceDealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_sourceDealId_fkey" FOREIGN KEY ("sourceDealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (not generated by Prisma): AuditEvent is append-only. Rows can be inserted but never changed or
-- removed. TRUNCATE is deliberately still allowed: tests empty all tables between runs.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % of audit event % refused', TG_OP, OLD."id"
    USING HINT = 'Record a new audit event instead of changing or deleting one.';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update"
  BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_delete"
  BEFORE DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
