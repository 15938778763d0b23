-- CreateEnum
CREATE TYPE "SocialPlatform" AS ENUM ('INSTAGRAM', 'FACEBOOK', 'TIKTOK', 'YOUTUBE', 'PINTEREST', 'X', 'SNAPCHAT');

-- CreateEnum
CREATE TYPE "ReleaseKind" AS ENUM ('SINGLE', 'ALBUM', 'TOUR_DATE', 'MERCH_DROP', 'PRODUCT');

-- CreateEnum
CREATE TYPE "TrendSignalKind" AS ENUM ('HASHTAG', 'TOPIC');

-- CreateEnum
CREATE TYPE "SocialAccountStatus" AS ENUM ('CONNECTED', 'EXPIRED', 'REVOKED');

-- CreateEnum
CREATE TYPE "PostContentType" AS ENUM ('POST', 'STORY', 'REEL', 'VIDEO', 'PIN', 'THREAD');

-- CreateEnum
CREATE TYPE "ScheduledPostStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "artistName" TEXT NOT NULL,
    "kind" "ReleaseKind" NOT NULL,
    "releaseDate" DATE,
    "links" JSONB NOT NULL DEFAULT '{}',
    "keyPoints" TEXT[],
    "assets" JSONB NOT NULL DEFAULT '[]',
    "genre" TEXT,
    "mood" TEXT,
    "promoStartsOn" DATE,
    "promoEndsOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandVoice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "artistName" TEXT,
    "examplePosts" TEXT[],
    "doRules" TEXT[],
    "dontRules" TEXT[],
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BrandVoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrendSignal" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "platform" "SocialPlatform" NOT NULL,
    "kind" "TrendSignalKind" NOT NULL DEFAULT 'HASHTAG',
    "tag" TEXT NOT NULL,
    "category" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrendSignal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAccount" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "platform" "SocialPlatform" NOT NULL,
    "externalAccountId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "accessTokenEncrypted" TEXT NOT NULL,
    "refreshTokenEncrypted" TEXT,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "scopes" TEXT[],
    "status" "SocialAccountStatus" NOT NULL DEFAULT 'CONNECTED',
    "lastError" TEXT,
    "connectedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SocialAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledPost" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "releaseId" TEXT,
    "platform" "SocialPlatform" NOT NULL,
    "socialAccountId" TEXT,
    "contentType" "PostContentType" NOT NULL DEFAULT 'POST',
    "caption" TEXT NOT NULL DEFAULT '',
    "hashtags" TEXT[],
    "media" JSONB NOT NULL DEFAULT '[]',
    "link" TEXT,
    "title" TEXT,
    "thread" JSONB,
    "boardId" TEXT,
    "privacy" TEXT,
    "scheduledAt" TIMESTAMPTZ(3),
    "timeZone" TEXT,
    "status" "ScheduledPostStatus" NOT NULL DEFAULT 'DRAFT',
    "contentVersion" INTEGER NOT NULL DEFAULT 1,
    "approvalRequestId" TEXT,
    "approvedVersion" INTEGER,
    "approvedContentHash" TEXT,
    "publishCheckpoint" JSONB,
    "externalPostId" TEXT,
    "externalPostIds" TEXT[],
    "externalUrl" TEXT,
    "error" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "engagement" JSONB,
    "engagementAt" TIMESTAMPTZ(3),
    "details" JSONB NOT NULL DEFAULT '{}',
    "repostOfId" TEXT,
    "repostRuleId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScheduledPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepostRule" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "platforms" "SocialPlatform"[],
    "tags" TEXT[],
    "minScore" DOUBLE PRECISION NOT NULL,
    "maxPerDay" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RepostRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Release_organizationId_releaseDate_idx" ON "Release"("organizationId", "releaseDate");

-- CreateIndex
CREATE INDEX "Release_organizationId_artistName_idx" ON "Release"("organizationId", "artistName");

-- CreateIndex
CREATE INDEX "Release_organizationId_promoStartsOn_promoEndsOn_idx" ON "Release"("organizationId", "promoStartsOn", "promoEndsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Release_organizationId_id_key" ON "Release"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BrandVoice_organizationId_id_key" ON "BrandVoice"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BrandVoice_organizationId_scopeKey_key" ON "BrandVoice"("organizationId", "scopeKey");

-- CreateIndex
CREATE INDEX "TrendSignal_organizationId_platform_observedAt_idx" ON "TrendSignal"("organizationId", "platform", "observedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrendSignal_organizationId_id_key" ON "TrendSignal"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TrendSignal_organizationId_platform_tag_observedAt_key" ON "TrendSignal"("organizationId", "platform", "tag", "observedAt");

-- CreateIndex
CREATE INDEX "SocialAccount_organizationId_status_idx" ON "SocialAccount"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAccount_organizationId_id_key" ON "SocialAccount"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAccount_organizationId_platform_externalAccountId_key" ON "SocialAccount"("organizationId", "platform", "externalAccountId");

-- CreateIndex
CREATE INDEX "ScheduledPost_organizationId_status_scheduledAt_idx" ON "ScheduledPost"("organizationId", "status", "scheduledAt");

-- CreateIndex
CREATE INDEX "ScheduledPost_organizationId_platform_publishedAt_idx" ON "ScheduledPost"("organizationId", "platform", "publishedAt");

-- CreateIndex
CREATE INDEX "ScheduledPost_organizationId_releaseId_idx" ON "ScheduledPost"("organizationId", "releaseId");

-- CreateIndex
CREATE INDEX "ScheduledPost_organizationId_repostRuleId_createdAt_idx" ON "ScheduledPost"("organizationId", "repostRuleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPost_organizationId_id_key" ON "ScheduledPost"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPost_organizationId_approvalRequestId_key" ON "ScheduledPost"("organizationId", "approvalRequestId");

-- CreateIndex
CREATE INDEX "RepostRule_organizationId_active_idx" ON "RepostRule"("organizationId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "RepostRule_organizationId_id_key" ON "RepostRule"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RepostRule_organizationId_name_key" ON "RepostRule"("organizationId", "name");

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandVoice" ADD CONSTRAINT "BrandVoice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrendSignal" ADD CONSTRAINT "TrendSignal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_organizationId_releaseId_fkey" FOREIGN KEY ("organizationId", "releaseId") REFERENCES "Release"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_organizationId_socialAccountId_fkey" FOREIGN KEY ("organizationId", "socialAccountId") REFERENCES "SocialAccount"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_organizationId_approvalRequestId_fkey" FOREIGN KEY ("organizationId", "approvalRequestId") REFERENCES "ApprovalRequest"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_organizationId_repostRuleId_fkey" FOREIGN KEY ("organizationId", "repostRuleId") REFERENCES "RepostRule"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepostRule" ADD CONSTRAINT "RepostRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
