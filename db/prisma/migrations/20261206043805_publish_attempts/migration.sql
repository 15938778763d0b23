-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "publishAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publishClaimedAt" TIMESTAMPTZ(3);
