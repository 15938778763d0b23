-- CreateEnum
CREATE TYPE "CreatorNetwork" AS ENUM ('INSTAGRAM', 'TIKTOK', 'YOUTUBE', 'TWITTER', 'LINKEDIN', 'SNAPCHAT', 'PINTEREST', 'TWITCH', 'FACEBOOK');

-- CreateEnum
CREATE TYPE "PlatformConnection" AS ENUM ('NOT_CONNECTED', 'CONNECTED', 'DISCONNECTED', 'ERROR');

-- CreateEnum
CREATE TYPE "AudienceDimension" AS ENUM ('AGE', 'GENDER', 'COUNTRY', 'CITY');

-- CreateEnum
CREATE TYPE "CampaignObjective" AS ENUM ('AWARENESS', 'REACH', 'TRAFFIC', 'ENGAGEMENT', 'APP_INSTALLS', 'VIDEO_VIEWS', 'LEAD_GENERATION', 'CONVERSIONS', 'CATALOG_SALES', 'STORE_TRAFFIC');

-- CreateEnum
CREATE TYPE "MarketingCampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED', 'PAID');

-- CreateTable
CREATE TABLE "Creator" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "bio" TEXT,
    "niches" TEXT[],
    "genres" TEXT[],
    "languages" TEXT[],
    "country" CHAR(2),
    "commissionRate" DECIMAL(5,4),
    "exclusive" BOOLEAN NOT NULL DEFAULT false,
    "exclusiveFrom" DATE,
    "exclusiveUntil" DATE,
    "feeRanges" JSONB NOT NULL DEFAULT '[]',
    "rateCard" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "phylloUserId" TEXT,
    "searchDocument" TEXT NOT NULL DEFAULT '',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Creator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorPlatform" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "network" "CreatorNetwork" NOT NULL,
    "handle" TEXT NOT NULL,
    "url" TEXT,
    "connection" "PlatformConnection" NOT NULL DEFAULT 'NOT_CONNECTED',
    "connectionError" TEXT,
    "phylloAccountId" TEXT,
    "followers" INTEGER,
    "following" INTEGER,
    "engagementRate" DECIMAL(7,6),
    "averageViews" INTEGER,
    "averageLikes" INTEGER,
    "averageComments" INTEGER,
    "postsCount" INTEGER,
    "metricsSource" TEXT NOT NULL DEFAULT 'manual',
    "lastSyncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreatorPlatform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorPlatformSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "creatorPlatformId" TEXT NOT NULL,
    "capturedAt" TIMESTAMPTZ(3) NOT NULL,
    "followers" INTEGER,
    "following" INTEGER,
    "engagementRate" DECIMAL(7,6),
    "averageViews" INTEGER,
    "averageLikes" INTEGER,
    "averageComments" INTEGER,
    "postsCount" INTEGER,
    "source" TEXT NOT NULL,

    CONSTRAINT "CreatorPlatformSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorContent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "creatorPlatformId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "url" TEXT,
    "format" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "caption" TEXT,
    "views" BIGINT,
    "likes" BIGINT,
    "comments" BIGINT,
    "shares" BIGINT,
    "saves" BIGINT,
    "campaignCreatorId" TEXT,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreatorContent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorContentSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "contentId" TEXT NOT NULL,
    "capturedAt" TIMESTAMPTZ(3) NOT NULL,
    "views" BIGINT,
    "likes" BIGINT,
    "comments" BIGINT,
    "shares" BIGINT,
    "saves" BIGINT,

    CONSTRAINT "CreatorContentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceSlice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "creatorPlatformId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "dimension" "AudienceDimension" NOT NULL,
    "value" TEXT NOT NULL,
    "share" DECIMAL(6,5) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "AudienceSlice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorEmbedding" (
    "creatorId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "textHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreatorEmbedding_pkey" PRIMARY KEY ("creatorId")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "companyId" TEXT,
    "clientId" TEXT,
    "releaseId" TEXT,
    "objective" "CampaignObjective" NOT NULL,
    "networks" "CreatorNetwork"[],
    "budget" DECIMAL(18,4),
    "currency" CHAR(3) NOT NULL,
    "networkBudgets" JSONB NOT NULL DEFAULT '{}',
    "startsOn" DATE,
    "endsOn" DATE,
    "status" "MarketingCampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "ownerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignCreator" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "fee" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'INVITED',
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CampaignCreator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignDeliverable" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "campaignCreatorId" TEXT NOT NULL,
    "network" "CreatorNetwork" NOT NULL,
    "format" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "dueOn" DATE,

    CONSTRAINT "CampaignDeliverable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreatorPayment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "campaignCreatorId" TEXT NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reference" TEXT,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,
    "approvalRequestId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreatorPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("provider","eventId")
);

-- CreateIndex
CREATE INDEX "Creator_organizationId_country_idx" ON "Creator"("organizationId", "country");

-- CreateIndex
CREATE UNIQUE INDEX "Creator_organizationId_id_key" ON "Creator"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Creator_organizationId_contactId_key" ON "Creator"("organizationId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Creator_organizationId_handle_key" ON "Creator"("organizationId", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "Creator_organizationId_phylloUserId_key" ON "Creator"("organizationId", "phylloUserId");

-- CreateIndex
CREATE INDEX "CreatorPlatform_organizationId_network_followers_idx" ON "CreatorPlatform"("organizationId", "network", "followers");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPlatform_organizationId_id_key" ON "CreatorPlatform"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPlatform_organizationId_creatorId_network_key" ON "CreatorPlatform"("organizationId", "creatorId", "network");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPlatform_organizationId_phylloAccountId_key" ON "CreatorPlatform"("organizationId", "phylloAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPlatformSnapshot_organizationId_creatorPlatformId_ca_key" ON "CreatorPlatformSnapshot"("organizationId", "creatorPlatformId", "capturedAt");

-- CreateIndex
CREATE INDEX "CreatorContent_organizationId_creatorId_publishedAt_idx" ON "CreatorContent"("organizationId", "creatorId", "publishedAt");

-- CreateIndex
CREATE INDEX "CreatorContent_organizationId_campaignCreatorId_idx" ON "CreatorContent"("organizationId", "campaignCreatorId");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorContent_organizationId_id_key" ON "CreatorContent"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorContent_organizationId_creatorPlatformId_externalId_key" ON "CreatorContent"("organizationId", "creatorPlatformId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorContentSnapshot_organizationId_contentId_capturedAt_key" ON "CreatorContentSnapshot"("organizationId", "contentId", "capturedAt");

-- CreateIndex
CREATE INDEX "AudienceSlice_organizationId_dimension_value_share_idx" ON "AudienceSlice"("organizationId", "dimension", "value", "share");

-- CreateIndex
CREATE UNIQUE INDEX "AudienceSlice_organizationId_creatorPlatformId_asOf_dimensi_key" ON "AudienceSlice"("organizationId", "creatorPlatformId", "asOf", "dimension", "value");

-- CreateIndex
CREATE INDEX "CreatorEmbedding_organizationId_model_idx" ON "CreatorEmbedding"("organizationId", "model");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorEmbedding_organizationId_creatorId_key" ON "CreatorEmbedding"("organizationId", "creatorId");

-- CreateIndex
CREATE INDEX "Campaign_organizationId_status_idx" ON "Campaign"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Campaign_organizationId_startsOn_endsOn_idx" ON "Campaign"("organizationId", "startsOn", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_organizationId_id_key" ON "Campaign"("organizationId", "id");

-- CreateIndex
CREATE INDEX "CampaignCreator_organizationId_creatorId_idx" ON "CampaignCreator"("organizationId", "creatorId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignCreator_organizationId_id_key" ON "CampaignCreator"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignCreator_organizationId_campaignId_creatorId_key" ON "CampaignCreator"("organizationId", "campaignId", "creatorId");

-- CreateIndex
CREATE INDEX "CampaignDeliverable_organizationId_campaignCreatorId_idx" ON "CampaignDeliverable"("organizationId", "campaignCreatorId");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPayment_approvalRequestId_key" ON "CreatorPayment"("approvalRequestId");

-- CreateIndex
CREATE INDEX "CreatorPayment_organizationId_creatorId_paidAt_idx" ON "CreatorPayment"("organizationId", "creatorId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPayment_organizationId_campaignCreatorId_key" ON "CreatorPayment"("organizationId", "campaignCreatorId");

-- CreateIndex
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");

-- AddForeignKey
ALTER TABLE "Creator" ADD CONSTRAINT "Creator_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Creator" ADD CONSTRAINT "Creator_organizationId_contactId_fkey" FOREIGN KEY ("organizationId", "contactId") REFERENCES "Contact"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPlatform" ADD CONSTRAINT "CreatorPlatform_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPlatform" ADD CONSTRAINT "CreatorPlatform_organizationId_creatorId_fkey" FOREIGN KEY ("organizationId", "creatorId") REFERENCES "Creator"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPlatformSnapshot" ADD CONSTRAINT "CreatorPlatformSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPlatformSnapshot" ADD CONSTRAINT "CreatorPlatformSnapshot_organizationId_creatorPlatformId_fkey" FOREIGN KEY ("organizationId", "creatorPlatformId") REFERENCES "CreatorPlatform"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContent" ADD CONSTRAINT "CreatorContent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContent" ADD CONSTRAINT "CreatorContent_organizationId_creatorId_fkey" FOREIGN KEY ("organizationId", "creatorId") REFERENCES "Creator"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContent" ADD CONSTRAINT "CreatorContent_organizationId_creatorPlatformId_fkey" FOREIGN KEY ("organizationId", "creatorPlatformId") REFERENCES "CreatorPlatform"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContent" ADD CONSTRAINT "CreatorContent_organizationId_campaignCreatorId_fkey" FOREIGN KEY ("organizationId", "campaignCreatorId") REFERENCES "CampaignCreator"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContentSnapshot" ADD CONSTRAINT "CreatorContentSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorContentSnapshot" ADD CONSTRAINT "CreatorContentSnapshot_organizationId_contentId_fkey" FOREIGN KEY ("organizationId", "contentId") REFERENCES "CreatorContent"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceSlice" ADD CONSTRAINT "AudienceSlice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceSlice" ADD CONSTRAINT "AudienceSlice_organizationId_creatorPlatformId_fkey" FOREIGN KEY ("organizationId", "creatorPlatformId") REFERENCES "CreatorPlatform"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorEmbedding" ADD CONSTRAINT "CreatorEmbedding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorEmbedding" ADD CONSTRAINT "CreatorEmbedding_organizationId_creatorId_fkey" FOREIGN KEY ("organizationId", "creatorId") REFERENCES "Creator"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organizationId_companyId_fkey" FOREIGN KEY ("organizationId", "companyId") REFERENCES "Company"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organizationId_clientId_fkey" FOREIGN KEY ("organizationId", "clientId") REFERENCES "Client"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organizationId_releaseId_fkey" FOREIGN KEY ("organizationId", "releaseId") REFERENCES "Release"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCreator" ADD CONSTRAINT "CampaignCreator_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCreator" ADD CONSTRAINT "CampaignCreator_organizationId_campaignId_fkey" FOREIGN KEY ("organizationId", "campaignId") REFERENCES "Campaign"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCreator" ADD CONSTRAINT "CampaignCreator_organizationId_creatorId_fkey" FOREIGN KEY ("organizationId", "creatorId") REFERENCES "Creator"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDeliverable" ADD CONSTRAINT "CampaignDeliverable_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDeliverable" ADD CONSTRAINT "CampaignDeliverable_organizationId_campaignCreatorId_fkey" FOREIGN KEY ("organizationId", "campaignCreatorId") REFERENCES "CampaignCreator"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPayment" ADD CONSTRAINT "CreatorPayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPayment" ADD CONSTRAINT "CreatorPayment_organizationId_creatorId_fkey" FOREIGN KEY ("organizationId", "creatorId") REFERENCES "Creator"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPayment" ADD CONSTRAINT "CreatorPayment_organizationId_campaignCreatorId_fkey" FOREIGN KEY ("organizationId", "campaignCreatorId") REFERENCES "CampaignCreator"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreatorPayment" ADD CONSTRAINT "CreatorPayment_organizationId_approvalRequestId_fkey" FOREIGN KEY ("organizationId", "approvalRequestId") REFERENCES "ApprovalRequest"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (schema.prisma cannot say these; listed in db/schema-check/hand-written-objects.ts).
-- Full-text search over a creator's bio, niches, genres and recent captions.
CREATE INDEX "Creator_search_fts_idx" ON "Creator" USING gin (to_tsvector('english', "searchDocument"));

-- The vector itself, only where pgvector exists. The column has no fixed width because the embedder is
-- configurable; the local embedder's 384 dimensions get an HNSW index (cosine), other widths are
-- indexed by the re-embed job when it first writes them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    ALTER TABLE "CreatorEmbedding" ADD COLUMN "embedding" vector NOT NULL;
    CREATE INDEX "CreatorEmbedding_embedding_hnsw_idx" ON "CreatorEmbedding"
      USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE "dimensions" = 384;
  ELSE
    RAISE NOTICE 'pgvector is not available on this server: creator search ranks by full text only';
  END IF;
END $$;
