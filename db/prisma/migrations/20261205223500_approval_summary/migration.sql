-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "summary" JSONB;
