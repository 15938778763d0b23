-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "changeNote" TEXT,
ADD COLUMN     "fingerprint" JSONB;
