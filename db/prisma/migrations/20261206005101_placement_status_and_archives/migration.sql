-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('ACTIVE', 'PAUSED', 'COMPLETED');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "isActive" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Playlist" ADD COLUMN     "isActive" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "PlacementStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "weekly" INTEGER;
