-- CreateEnum
CREATE TYPE "ModelCallPurpose" AS ENUM ('ANSWER', 'SUMMARY', 'CORRECTION');

-- AlterTable
ALTER TABLE "AgentMessage" ADD COLUMN     "answerCheck" JSONB,
ADD COLUMN     "dataFlags" JSONB;

-- CreateTable
CREATE TABLE "ModelUsage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT,
    "threadId" TEXT,
    "surface" "Surface" NOT NULL,
    "purpose" "ModelCallPurpose" NOT NULL,
    "modelId" TEXT NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(18,6),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelUsage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelUsage_organizationId_createdAt_idx" ON "ModelUsage"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ModelUsage_organizationId_userId_createdAt_idx" ON "ModelUsage"("organizationId", "userId", "createdAt");

-- AddForeignKey
ALTER TABLE "ModelUsage" ADD CONSTRAINT "ModelUsage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
