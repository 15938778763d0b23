-- CreateEnum
CREATE TYPE "SlackChannelPurpose" AS ENUM ('DIGESTS', 'ALERTS');

-- CreateTable
CREATE TABLE "SlackWorkspace" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "teamName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlackWorkspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackChannelBinding" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "purpose" "SlackChannelPurpose" NOT NULL,
    "boundById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackChannelBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackUserLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackUserLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackApprovalMessage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackApprovalMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackEventReceipt" (
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackEventReceipt_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackWorkspace_teamId_key" ON "SlackWorkspace"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackWorkspace_organizationId_id_key" ON "SlackWorkspace"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SlackWorkspace_organizationId_teamId_key" ON "SlackWorkspace"("organizationId", "teamId");

-- CreateIndex
CREATE INDEX "SlackChannelBinding_organizationId_purpose_idx" ON "SlackChannelBinding"("organizationId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "SlackChannelBinding_organizationId_teamId_channelId_purpose_key" ON "SlackChannelBinding"("organizationId", "teamId", "channelId", "purpose");

-- CreateIndex
CREATE INDEX "SlackUserLink_organizationId_userId_idx" ON "SlackUserLink"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackUserLink_teamId_slackUserId_key" ON "SlackUserLink"("teamId", "slackUserId");

-- CreateIndex
CREATE INDEX "SlackApprovalMessage_organizationId_approvalId_idx" ON "SlackApprovalMessage"("organizationId", "approvalId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackApprovalMessage_channelId_messageTs_key" ON "SlackApprovalMessage"("channelId", "messageTs");

-- CreateIndex
CREATE INDEX "SlackEventReceipt_receivedAt_idx" ON "SlackEventReceipt"("receivedAt");

-- AddForeignKey
ALTER TABLE "SlackWorkspace" ADD CONSTRAINT "SlackWorkspace_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackChannelBinding" ADD CONSTRAINT "SlackChannelBinding_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "SlackWorkspace"("organizationId", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackUserLink" ADD CONSTRAINT "SlackUserLink_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "SlackWorkspace"("organizationId", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackUserLink" ADD CONSTRAINT "SlackUserLink_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackApprovalMessage" ADD CONSTRAINT "SlackApprovalMessage_organizationId_approvalId_fkey" FOREIGN KEY ("organizationId", "approvalId") REFERENCES "ApprovalRequest"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
