-- CreateEnum
CREATE TYPE "CampaignMilestoneKind" AS ENUM ('GOAL_REACHED', 'UNDER_DELIVERY', 'DROPPED_FROM_PLAYLIST');

-- CreateTable
CREATE TABLE "CampaignMilestone" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "CampaignMilestoneKind" NOT NULL,
    "campaignGroupId" TEXT NOT NULL,
    "placementId" TEXT,
    "message" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignMilestone_organizationId_campaignGroupId_idx" ON "CampaignMilestone"("organizationId", "campaignGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignMilestone_organizationId_key_key" ON "CampaignMilestone"("organizationId", "key");

-- AddForeignKey
ALTER TABLE "CampaignMilestone" ADD CONSTRAINT "CampaignMilestone_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMilestone" ADD CONSTRAINT "CampaignMilestone_organizationId_campaignGroupId_fkey" FOREIGN KEY ("organizationId", "campaignGroupId") REFERENCES "CampaignGroup"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
