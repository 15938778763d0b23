-- Bound channels may also receive approval requests with their Approve and Reject buttons.

-- AlterEnum
ALTER TYPE "SlackChannelPurpose" ADD VALUE 'APPROVALS';
