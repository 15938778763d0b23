-- Exchange rates become per organisation. Rates stored before this migration were shared by every
-- organisation, so each organisation gets its own copy of them, then the unowned originals go.

-- DropIndex
DROP INDEX "FxRate_base_quote_date_key";

-- AlterTable
ALTER TABLE "FxRate" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "organizationId" TEXT;

-- Copy shared rates to every organisation
INSERT INTO "FxRate" ("id", "organizationId", "date", "base", "quote", "rate")
SELECT gen_random_uuid()::text, o."id", r."date", r."base", r."quote", r."rate"
FROM "FxRate" r CROSS JOIN "Organization" o
WHERE r."organizationId" IS NULL;
DELETE FROM "FxRate" WHERE "organizationId" IS NULL;

ALTER TABLE "FxRate" ALTER COLUMN "organizationId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_organizationId_base_quote_date_key" ON "FxRate"("organizationId", "base", "quote", "date");

-- AddForeignKey
ALTER TABLE "FxRate" ADD CONSTRAINT "FxRate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
