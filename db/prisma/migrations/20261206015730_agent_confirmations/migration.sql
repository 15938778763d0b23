-- CreateEnum
CREATE TYPE "AgentConfirmationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED');

-- CreateTable
CREATE TABLE "AgentConfirmation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "toolCallId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "proposedById" TEXT,
    "status" "AgentConfirmationStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "outcome" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgentConfirmation_organizationId_threadId_status_idx" ON "AgentConfirmation"("organizationId", "threadId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AgentConfirmation_organizationId_id_key" ON "AgentConfirmation"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "AgentConfirmation" ADD CONSTRAINT "AgentConfirmation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentConfirmation" ADD CONSTRAINT "AgentConfirmation_organizationId_threadId_fkey" FOREIGN KEY ("organizationId", "threadId") REFERENCES "AgentThread"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
