-- CreateTable
CREATE TABLE "ScrapeOwnerTotal" (
    "organizationId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "streams7d" BIGINT NOT NULL,
    "streams28d" BIGINT NOT NULL,
    "streams12m" BIGINT NOT NULL,
    "playlists" INTEGER NOT NULL,

    CONSTRAINT "ScrapeOwnerTotal_pkey" PRIMARY KEY ("organizationId","registry","snapshotId","owner")
);

-- AddForeignKey
ALTER TABLE "ScrapeOwnerTotal" ADD CONSTRAINT "ScrapeOwnerTotal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScrapeOwnerTotal" ADD CONSTRAINT "ScrapeOwnerTotal_organizationId_snapshotId_fkey" FOREIGN KEY ("organizationId", "snapshotId") REFERENCES "ScrapeSnapshot"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
