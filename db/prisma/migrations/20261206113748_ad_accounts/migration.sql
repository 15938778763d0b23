-- CreateEnum
CREATE TYPE "AdPlatform" AS ENUM ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT', 'LINKEDIN', 'TWITTER', 'PINTEREST', 'AMAZON', 'DV360');

-- CreateEnum
CREATE TYPE "AdConnectionStatus" AS ENUM ('CONNECTED', 'NEEDS_REAUTH', 'DISCONNECTED');

-- CreateEnum
CREATE TYPE "AdAccountStatus" AS ENUM ('ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED', 'PAUSED');

-- CreateEnum
CREATE TYPE "SyncOutcome" AS ENUM ('SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "SpendAlertCause" AS ENUM ('OVER_DAILY_LIMIT', 'MONTHLY_PACE', 'NO_CONVERSIONS');

-- AlterTable
ALTER TABLE "MarketingSpend" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'import';

-- CreateTable
CREATE TABLE "AdConnection" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "platform" "AdPlatform" NOT NULL,
    "externalUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "accessTokenEncrypted" TEXT NOT NULL,
    "refreshTokenEncrypted" TEXT,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "scopes" TEXT[],
    "status" "AdConnectionStatus" NOT NULL DEFAULT 'CONNECTED',
    "lastError" TEXT,
    "connectedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdAccount" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "platform" "AdPlatform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "parentAccountId" TEXT,
    "connectionId" TEXT,
    "status" "AdAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "syncHour" INTEGER NOT NULL DEFAULT 6,
    "lastSyncAt" TIMESTAMPTZ(3),
    "lastSyncOutcome" "SyncOutcome",
    "lastSyncError" TEXT,
    "lastSyncRows" INTEGER,
    "dailyBudgetLimit" DECIMAL(18,4),
    "monthlyBudgetLimit" DECIMAL(18,4),
    "noConversionDays" INTEGER,
    "campaignId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdCampaign" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "adAccountId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "objective" TEXT,
    "dailyBudget" DECIMAL(18,4),
    "lifetimeBudget" DECIMAL(18,4),
    "dailyLimit" DECIMAL(18,4),
    "campaignId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignMetric" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "adAccountId" TEXT NOT NULL,
    "adCampaignId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "spend" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "impressions" BIGINT NOT NULL DEFAULT 0,
    "clicks" BIGINT NOT NULL DEFAULT 0,
    "conversions" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "conversionValue" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "reach" BIGINT,
    "frequency" DECIMAL(10,4),
    "videoViews" BIGINT,
    "videoP25" BIGINT,
    "videoP50" BIGINT,
    "videoP75" BIGINT,
    "videoP100" BIGINT,
    "source" TEXT NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CampaignMetric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdSyncRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "adAccountId" TEXT,
    "kind" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "rangeFrom" DATE NOT NULL,
    "rangeTo" DATE NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "outcome" "SyncOutcome",
    "rows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "jobRunId" TEXT,

    CONSTRAINT "AdSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpendAlert" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "adAccountId" TEXT NOT NULL,
    "adCampaignId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "cause" "SpendAlertCause" NOT NULL,
    "day" DATE NOT NULL,
    "figures" JSONB NOT NULL,
    "message" TEXT NOT NULL,
    "postedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BigQuerySource" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "columnMap" JSONB NOT NULL,
    "syncedThrough" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BigQuerySource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdConnection_organizationId_id_key" ON "AdConnection"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AdConnection_organizationId_platform_externalUserId_key" ON "AdConnection"("organizationId", "platform", "externalUserId");

-- CreateIndex
CREATE INDEX "AdAccount_organizationId_status_idx" ON "AdAccount"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AdAccount_organizationId_id_key" ON "AdAccount"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AdAccount_organizationId_platform_externalId_key" ON "AdAccount"("organizationId", "platform", "externalId");

-- CreateIndex
CREATE INDEX "AdCampaign_organizationId_campaignId_idx" ON "AdCampaign"("organizationId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "AdCampaign_organizationId_id_key" ON "AdCampaign"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AdCampaign_organizationId_adAccountId_externalId_key" ON "AdCampaign"("organizationId", "adAccountId", "externalId");

-- CreateIndex
CREATE INDEX "CampaignMetric_organizationId_adAccountId_date_idx" ON "CampaignMetric"("organizationId", "adAccountId", "date");

-- CreateIndex
CREATE INDEX "CampaignMetric_organizationId_date_idx" ON "CampaignMetric"("organizationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignMetric_organizationId_adCampaignId_date_key" ON "CampaignMetric"("organizationId", "adCampaignId", "date");

-- CreateIndex
CREATE INDEX "AdSyncRun_organizationId_startedAt_idx" ON "AdSyncRun"("organizationId", "startedAt");

-- CreateIndex
CREATE INDEX "AdSyncRun_organizationId_adAccountId_startedAt_idx" ON "AdSyncRun"("organizationId", "adAccountId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AdSyncRun_organizationId_id_key" ON "AdSyncRun"("organizationId", "id");

-- CreateIndex
CREATE INDEX "SpendAlert_organizationId_day_idx" ON "SpendAlert"("organizationId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "SpendAlert_organizationId_scopeKey_cause_day_key" ON "SpendAlert"("organizationId", "scopeKey", "cause", "day");

-- CreateIndex
CREATE UNIQUE INDEX "BigQuerySource_organizationId_id_key" ON "BigQuerySource"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BigQuerySource_organizationId_name_key" ON "BigQuerySource"("organizationId", "name");

-- AddForeignKey
ALTER TABLE "AdConnection" ADD CONSTRAINT "AdConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdAccount" ADD CONSTRAINT "AdAccount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdAccount" ADD CONSTRAINT "AdAccount_organizationId_parentAccountId_fkey" FOREIGN KEY ("organizationId", "parentAccountId") REFERENCES "AdAccount"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdAccount" ADD CONSTRAINT "AdAccount_organizationId_connectionId_fkey" FOREIGN KEY ("organizationId", "connectionId") REFERENCES "AdConnection"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdAccount" ADD CONSTRAINT "AdAccount_organizationId_campaignId_fkey" FOREIGN KEY ("organizationId", "campaignId") REFERENCES "Campaign"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdCampaign" ADD CONSTRAINT "AdCampaign_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdCampaign" ADD CONSTRAINT "AdCampaign_organizationId_adAccountId_fkey" FOREIGN KEY ("organizationId", "adAccountId") REFERENCES "AdAccount"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdCampaign" ADD CONSTRAINT "AdCampaign_organizationId_campaignId_fkey" FOREIGN KEY ("organizationId", "campaignId") REFERENCES "Campaign"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMetric" ADD CONSTRAINT "CampaignMetric_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMetric" ADD CONSTRAINT "CampaignMetric_organizationId_adAccountId_fkey" FOREIGN KEY ("organizationId", "adAccountId") REFERENCES "AdAccount"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMetric" ADD CONSTRAINT "CampaignMetric_organizationId_adCampaignId_fkey" FOREIGN KEY ("organizationId", "adCampaignId") REFERENCES "AdCampaign"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdSyncRun" ADD CONSTRAINT "AdSyncRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdSyncRun" ADD CONSTRAINT "AdSyncRun_organizationId_adAccountId_fkey" FOREIGN KEY ("organizationId", "adAccountId") REFERENCES "AdAccount"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendAlert" ADD CONSTRAINT "SpendAlert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendAlert" ADD CONSTRAINT "SpendAlert_organizationId_adAccountId_fkey" FOREIGN KEY ("organizationId", "adAccountId") REFERENCES "AdAccount"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BigQuerySource" ADD CONSTRAINT "BigQuerySource_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
