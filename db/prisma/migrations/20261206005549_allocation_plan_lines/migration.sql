-- CreateTable
CREATE TABLE "AllocationPlanLine" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "campaignGroupId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "approvalRequestId" TEXT,
    "expectedStreams" INTEGER NOT NULL,
    "expectedCost" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "startDate" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationPlanLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AllocationPlanLine_organizationId_campaignGroupId_idx" ON "AllocationPlanLine"("organizationId", "campaignGroupId");

-- CreateIndex
CREATE INDEX "AllocationPlanLine_organizationId_vendorId_idx" ON "AllocationPlanLine"("organizationId", "vendorId");

-- CreateIndex
CREATE INDEX "AllocationPlanLine_organizationId_approvalRequestId_idx" ON "AllocationPlanLine"("organizationId", "approvalRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationPlanLine_organizationId_placementId_key" ON "AllocationPlanLine"("organizationId", "placementId");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_organizationId_id_key" ON "Placement"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "AllocationPlanLine" ADD CONSTRAINT "AllocationPlanLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanLine" ADD CONSTRAINT "AllocationPlanLine_organizationId_campaignGroupId_fkey" FOREIGN KEY ("organizationId", "campaignGroupId") REFERENCES "CampaignGroup"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanLine" ADD CONSTRAINT "AllocationPlanLine_organizationId_vendorId_fkey" FOREIGN KEY ("organizationId", "vendorId") REFERENCES "Vendor"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanLine" ADD CONSTRAINT "AllocationPlanLine_organizationId_placementId_fkey" FOREIGN KEY ("organizationId", "placementId") REFERENCES "Placement"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanLine" ADD CONSTRAINT "AllocationPlanLine_organizationId_approvalRequestId_fkey" FOREIGN KEY ("organizationId", "approvalRequestId") REFERENCES "ApprovalRequest"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
