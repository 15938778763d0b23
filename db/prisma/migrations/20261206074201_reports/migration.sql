-- CreateEnum
CREATE TYPE "UnifiedSourceCategory" AS ENUM ('PLATFORM_NATIVE', 'EXTERNAL_MARKETING', 'EXTERNAL_REVENUE', 'EXTERNAL_OPERATIONAL');

-- CreateEnum
CREATE TYPE "MetricCategory" AS ENUM ('PLATFORM', 'EXTERNAL', 'CALCULATED', 'ATTRIBUTION');

-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('METRIC', 'DIMENSION');

-- CreateEnum
CREATE TYPE "MetricDataType" AS ENUM ('INTEGER', 'FLOAT', 'STRING', 'BOOLEAN', 'DATE', 'CURRENCY');

-- CreateEnum
CREATE TYPE "MetricAggregation" AS ENUM ('SUM', 'AVG', 'COUNT', 'DISTINCT', 'WEIGHTED_AVG');

-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('CAMPAIGN_PERFORMANCE', 'ASSET_ROI', 'CUSTOMER_JOURNEY', 'ROAS_ANALYSIS');

-- CreateEnum
CREATE TYPE "ReportVisibility" AS ENUM ('PRIVATE', 'TEAM', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('CSV', 'PDF', 'INLINE');

-- CreateTable
CREATE TABLE "UnifiedRecord" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedOffsetMinutes" INTEGER,
    "dataSource" TEXT NOT NULL,
    "sourceCategory" "UnifiedSourceCategory" NOT NULL,
    "campaignKey" TEXT,
    "customerKey" TEXT,
    "assetKey" TEXT,
    "sourceRecordId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "originalCurrency" CHAR(3),
    "originalMoney" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UnifiedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricDefinition" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "category" "MetricCategory" NOT NULL,
    "kind" "MetricKind" NOT NULL DEFAULT 'METRIC',
    "dataType" "MetricDataType" NOT NULL,
    "aggregation" "MetricAggregation",
    "weightKey" TEXT,
    "source" TEXT,
    "formula" TEXT,
    "aliases" TEXT[],
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MetricDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportView" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" "ReportCategory" NOT NULL,
    "visibility" "ReportVisibility" NOT NULL DEFAULT 'PRIVATE',
    "definition" JSONB NOT NULL,
    "chart" JSONB NOT NULL DEFAULT '{}',
    "templateKey" TEXT,
    "ownerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "reportViewId" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "slackChannel" TEXT,
    "emails" TEXT[],
    "format" "ReportFormat" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "nextRunAt" TIMESTAMPTZ(3),
    "lastRunAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDelivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "destinations" JSONB NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dashboard" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "visibility" "ReportVisibility" NOT NULL DEFAULT 'PRIVATE',
    "widgets" JSONB NOT NULL DEFAULT '[]',
    "ownerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dashboard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnifiedRecord_organizationId_recordedAt_idx" ON "UnifiedRecord"("organizationId", "recordedAt");

-- CreateIndex
CREATE INDEX "UnifiedRecord_organizationId_dataSource_recordedAt_idx" ON "UnifiedRecord"("organizationId", "dataSource", "recordedAt");

-- CreateIndex
-- Written by hand (listed in db/schema-check/hand-written-objects.ts): reports filter payload fields with @>.
CREATE INDEX "UnifiedRecord_payload_idx" ON "UnifiedRecord" USING GIN ("payload" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "UnifiedRecord_organizationId_dataSource_sourceRecordId_key" ON "UnifiedRecord"("organizationId", "dataSource", "sourceRecordId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricDefinition_organizationId_id_key" ON "MetricDefinition"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MetricDefinition_organizationId_key_key" ON "MetricDefinition"("organizationId", "key");

-- CreateIndex
CREATE INDEX "ReportView_organizationId_visibility_idx" ON "ReportView"("organizationId", "visibility");

-- CreateIndex
CREATE UNIQUE INDEX "ReportView_organizationId_id_key" ON "ReportView"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReportView_organizationId_name_key" ON "ReportView"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ReportSchedule_isActive_nextRunAt_idx" ON "ReportSchedule"("isActive", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSchedule_organizationId_id_key" ON "ReportSchedule"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDelivery_organizationId_scheduleId_periodKey_key" ON "ReportDelivery"("organizationId", "scheduleId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "Dashboard_organizationId_id_key" ON "Dashboard"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Dashboard_organizationId_name_key" ON "Dashboard"("organizationId", "name");

-- AddForeignKey
ALTER TABLE "UnifiedRecord" ADD CONSTRAINT "UnifiedRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricDefinition" ADD CONSTRAINT "MetricDefinition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportView" ADD CONSTRAINT "ReportView_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_organizationId_reportViewId_fkey" FOREIGN KEY ("organizationId", "reportViewId") REFERENCES "ReportView"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_organizationId_scheduleId_fkey" FOREIGN KEY ("organizationId", "scheduleId") REFERENCES "ReportSchedule"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dashboard" ADD CONSTRAINT "Dashboard_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
