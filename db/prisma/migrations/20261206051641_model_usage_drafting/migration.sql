-- AlterEnum
ALTER TYPE "ModelCallPurpose" ADD VALUE 'DRAFTING';
