-- pgvector where the server has it (PGlite ships it; Debian's PostgreSQL 15 here does not).
-- Vector columns arrive in later migrations, each guarded the same way.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  ELSE
    RAISE NOTICE 'pgvector is not available on this server: vector search is disabled, full-text search still works';
  END IF;
END $$;


-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MANAGER', 'CAMPAIGN_MANAGER', 'ANALYST', 'VIEWER');

-- CreateEnum
CREATE TYPE "Surface" AS ENUM ('CLI', 'HTTP', 'MCP', 'AGENT', 'SLACK', 'WEB', 'JOB');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'EXECUTING', 'EXECUTED', 'FAILED');

-- CreateEnum
CREATE TYPE "ToolOutcome" AS ENUM ('OK', 'ERROR');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('ACTIVE', 'PAUSED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('NOT_INVOICED', 'INVOICED', 'PAID');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "baseCurrency" CHAR(3) NOT NULL DEFAULT 'USD',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "preview" TEXT NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "requestedVia" "Surface" NOT NULL,
    "decidedById" TEXT,
    "decidedVia" "Surface",
    "decidedAt" TIMESTAMPTZ(3),
    "decisionComment" TEXT,
    "executedAt" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApprovalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolCall" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "userId" TEXT,
    "role" "Role" NOT NULL,
    "surface" "Surface" NOT NULL,
    "outcome" "ToolOutcome" NOT NULL,
    "errorCode" TEXT,
    "durationMs" INTEGER NOT NULL,
    "input" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FxRate" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "base" CHAR(3) NOT NULL,
    "quote" CHAR(3) NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "emails" TEXT[],
    "contactPerson" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT,
    "costPer1kStreams" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Playlist" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT,
    "name" TEXT NOT NULL,
    "spotifyPlaylistId" TEXT,
    "url" TEXT,
    "genres" TEXT[],
    "followerCount" INTEGER,
    "curator" TEXT,
    "autoDetected" BOOLEAN NOT NULL DEFAULT false,
    "streams28d" INTEGER,
    "avgDailyStreams" DECIMAL(18,4),
    "lastScrapedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Playlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignGroup" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "artistName" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "totalBudget" DECIMAL(18,4),
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "salesperson" TEXT,
    "status" "CampaignStatus" NOT NULL DEFAULT 'ACTIVE',
    "invoiceStatus" "InvoiceStatus" NOT NULL DEFAULT 'NOT_INVOICED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CampaignGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "campaignGroupId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "trackUrl" TEXT NOT NULL,
    "spotifyTrackId" TEXT NOT NULL,
    "songName" TEXT,
    "goal" INTEGER NOT NULL,
    "daily" INTEGER NOT NULL,
    "price" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "genre" TEXT,
    "startDate" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScrapeSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "spotifyTrackId" TEXT NOT NULL,
    "scrapedAt" TIMESTAMPTZ(3) NOT NULL,
    "trackName" TEXT,
    "artistName" TEXT,
    "plays7d" INTEGER NOT NULL,
    "plays28d" INTEGER NOT NULL,
    "plays12m" INTEGER NOT NULL,
    "saves" INTEGER,
    "playlistAdds" INTEGER,
    "sourceFile" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScrapeSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignPlaylist" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "spotifyTrackId" TEXT NOT NULL,
    "scrapedAt" TIMESTAMPTZ(3) NOT NULL,
    "playlistId" TEXT,
    "spotifyPlaylistId" TEXT,
    "name" TEXT NOT NULL,
    "curator" TEXT,
    "streams7d" INTEGER NOT NULL,
    "streams28d" INTEGER NOT NULL,
    "streams12m" INTEGER NOT NULL,
    "dateAdded" DATE,

    CONSTRAINT "CampaignPlaylist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketingSpend" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT,
    "artist" TEXT,
    "amount" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "impressions" INTEGER,
    "clicks" INTEGER,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketingSpend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamStat" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "artist" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "streams" INTEGER NOT NULL,

    CONSTRAINT "StreamStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamRate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "ratePerStream" DECIMAL(18,8) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "StreamRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimatedEarning" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "artist" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "streams" BIGINT NOT NULL,
    "ratePerStream" DECIMAL(18,8) NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstimatedEarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActualPayout" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "artist" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActualPayout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "artist" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "estimatedAmount" DECIMAL(18,4) NOT NULL,
    "actualAmount" DECIMAL(18,4) NOT NULL,
    "variance" DECIMAL(18,4) NOT NULL,
    "variancePercent" DECIMAL(12,4),
    "currency" CHAR(3) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyArtistStats" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "artist" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "streams" BIGINT NOT NULL,
    "spend" DECIMAL(18,4) NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeeklyArtistStats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT,
    "cost" DECIMAL(18,4),
    "currency" CHAR(3),
    "dedupeKey" TEXT NOT NULL,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "orderId" TEXT,
    "dedupeKey" TEXT NOT NULL,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributionRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "groupBy" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "fromDate" DATE,
    "toDate" DATE,
    "totalRevenue" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttributionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueAttribution" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "attributedRevenue" DECIMAL(18,4) NOT NULL,
    "attributedConversions" DECIMAL(18,6) NOT NULL,
    "touchpoints" INTEGER NOT NULL,

    CONSTRAINT "RevenueAttribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organizationId_userId_key" ON "Membership"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organizationId_idx" ON "ApiToken"("organizationId");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "ApprovalRequest_organizationId_status_createdAt_idx" ON "ApprovalRequest"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalRequest_organizationId_id_key" ON "ApprovalRequest"("organizationId", "id");

-- CreateIndex
CREATE INDEX "ToolCall_organizationId_createdAt_idx" ON "ToolCall"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ToolCall_organizationId_tool_createdAt_idx" ON "ToolCall"("organizationId", "tool", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_organizationId_subjectType_subjectId_occurredAt_idx" ON "Activity"("organizationId", "subjectType", "subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "Activity_organizationId_occurredAt_idx" ON "Activity"("organizationId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_base_quote_date_key" ON "FxRate"("base", "quote", "date");

-- CreateIndex
CREATE INDEX "Client_organizationId_name_idx" ON "Client"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Client_organizationId_id_key" ON "Client"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_organizationId_id_key" ON "Vendor"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_organizationId_name_key" ON "Vendor"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Playlist_organizationId_vendorId_idx" ON "Playlist"("organizationId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "Playlist_organizationId_id_key" ON "Playlist"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Playlist_organizationId_spotifyPlaylistId_key" ON "Playlist"("organizationId", "spotifyPlaylistId");

-- CreateIndex
CREATE INDEX "CampaignGroup_organizationId_clientId_idx" ON "CampaignGroup"("organizationId", "clientId");

-- CreateIndex
CREATE INDEX "CampaignGroup_organizationId_status_idx" ON "CampaignGroup"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignGroup_organizationId_id_key" ON "CampaignGroup"("organizationId", "id");

-- CreateIndex
CREATE INDEX "Placement_organizationId_spotifyTrackId_idx" ON "Placement"("organizationId", "spotifyTrackId");

-- CreateIndex
CREATE INDEX "Placement_organizationId_campaignGroupId_idx" ON "Placement"("organizationId", "campaignGroupId");

-- CreateIndex
CREATE INDEX "Placement_organizationId_vendorId_idx" ON "Placement"("organizationId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ScrapeSnapshot_organizationId_id_key" ON "ScrapeSnapshot"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ScrapeSnapshot_organizationId_spotifyTrackId_scrapedAt_key" ON "ScrapeSnapshot"("organizationId", "spotifyTrackId", "scrapedAt");

-- CreateIndex
CREATE INDEX "CampaignPlaylist_organizationId_spotifyTrackId_scrapedAt_idx" ON "CampaignPlaylist"("organizationId", "spotifyTrackId", "scrapedAt");

-- CreateIndex
CREATE INDEX "CampaignPlaylist_organizationId_playlistId_idx" ON "CampaignPlaylist"("organizationId", "playlistId");

-- CreateIndex
CREATE INDEX "CampaignPlaylist_organizationId_snapshotId_idx" ON "CampaignPlaylist"("organizationId", "snapshotId");

-- CreateIndex
CREATE INDEX "MarketingSpend_organizationId_date_idx" ON "MarketingSpend"("organizationId", "date");

-- CreateIndex
CREATE INDEX "MarketingSpend_organizationId_channel_date_idx" ON "MarketingSpend"("organizationId", "channel", "date");

-- CreateIndex
CREATE UNIQUE INDEX "MarketingSpend_organizationId_dedupeKey_key" ON "MarketingSpend"("organizationId", "dedupeKey");

-- CreateIndex
CREATE INDEX "StreamStat_organizationId_artist_date_idx" ON "StreamStat"("organizationId", "artist", "date");

-- CreateIndex
CREATE UNIQUE INDEX "StreamStat_organizationId_trackId_platform_date_key" ON "StreamStat"("organizationId", "trackId", "platform", "date");

-- CreateIndex
CREATE UNIQUE INDEX "StreamRate_organizationId_platform_key" ON "StreamRate"("organizationId", "platform");

-- CreateIndex
CREATE UNIQUE INDEX "EstimatedEarning_organizationId_artist_platform_periodStart_key" ON "EstimatedEarning"("organizationId", "artist", "platform", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ActualPayout_organizationId_artist_platform_periodStart_per_key" ON "ActualPayout"("organizationId", "artist", "platform", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Reconciliation_organizationId_artist_platform_periodStart_p_key" ON "Reconciliation"("organizationId", "artist", "platform", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyArtistStats_organizationId_artist_weekStart_key" ON "WeeklyArtistStats"("organizationId", "artist", "weekStart");

-- CreateIndex
CREATE INDEX "Touchpoint_organizationId_customerId_occurredAt_idx" ON "Touchpoint"("organizationId", "customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Touchpoint_organizationId_occurredAt_idx" ON "Touchpoint"("organizationId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Touchpoint_organizationId_dedupeKey_key" ON "Touchpoint"("organizationId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Conversion_organizationId_customerId_occurredAt_idx" ON "Conversion"("organizationId", "customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_organizationId_occurredAt_idx" ON "Conversion"("organizationId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_organizationId_dedupeKey_key" ON "Conversion"("organizationId", "dedupeKey");

-- CreateIndex
CREATE INDEX "AttributionRun_organizationId_createdAt_idx" ON "AttributionRun"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AttributionRun_organizationId_id_key" ON "AttributionRun"("organizationId", "id");

-- CreateIndex
CREATE INDEX "RevenueAttribution_organizationId_runId_idx" ON "RevenueAttribution"("organizationId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueAttribution_runId_key_key" ON "RevenueAttribution"("runId", "key");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Playlist" ADD CONSTRAINT "Playlist_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Playlist" ADD CONSTRAINT "Playlist_organizationId_vendorId_fkey" FOREIGN KEY ("organizationId", "vendorId") REFERENCES "Vendor"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignGroup" ADD CONSTRAINT "CampaignGroup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignGroup" ADD CONSTRAINT "CampaignGroup_organizationId_clientId_fkey" FOREIGN KEY ("organizationId", "clientId") REFERENCES "Client"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_organizationId_campaignGroupId_fkey" FOREIGN KEY ("organizationId", "campaignGroupId") REFERENCES "CampaignGroup"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_organizationId_vendorId_fkey" FOREIGN KEY ("organizationId", "vendorId") REFERENCES "Vendor"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScrapeSnapshot" ADD CONSTRAINT "ScrapeSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPlaylist" ADD CONSTRAINT "CampaignPlaylist_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPlaylist" ADD CONSTRAINT "CampaignPlaylist_organizationId_snapshotId_fkey" FOREIGN KEY ("organizationId", "snapshotId") REFERENCES "ScrapeSnapshot"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPlaylist" ADD CONSTRAINT "CampaignPlaylist_organizationId_playlistId_fkey" FOREIGN KEY ("organizationId", "playlistId") REFERENCES "Playlist"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketingSpend" ADD CONSTRAINT "MarketingSpend_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamStat" ADD CONSTRAINT "StreamStat_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamRate" ADD CONSTRAINT "StreamRate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimatedEarning" ADD CONSTRAINT "EstimatedEarning_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActualPayout" ADD CONSTRAINT "ActualPayout_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reconciliation" ADD CONSTRAINT "Reconciliation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyArtistStats" ADD CONSTRAINT "WeeklyArtistStats_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributionRun" ADD CONSTRAINT "AttributionRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueAttribution" ADD CONSTRAINT "RevenueAttribution_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueAttribution" ADD CONSTRAINT "RevenueAttribution_organizationId_runId_fkey" FOREIGN KEY ("organizationId", "runId") REFERENCES "AttributionRun"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
