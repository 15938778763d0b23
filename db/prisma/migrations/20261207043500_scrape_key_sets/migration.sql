-- CreateTable
CREATE TABLE "ScrapeKeySet" (
    "organizationId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "keys" TEXT[],

    CONSTRAINT "ScrapeKeySet_pkey" PRIMARY KEY ("organizationId","registry","snapshotId")
);

-- AddForeignKey
ALTER TABLE "ScrapeKeySet" ADD CONSTRAINT "ScrapeKeySet_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScrapeKeySet" ADD CONSTRAINT "ScrapeKeySet_organizationId_snapshotId_fkey" FOREIGN KEY ("organizationId", "snapshotId") REFERENCES "ScrapeSnapshot"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the key sets are filled with the owner totals, so scrapes already covered by them
-- are emptied once for both to be filled again together (a cache: nothing is lost).
DELETE FROM "ScrapeOwnerTotal";
