-- CreateTable
CREATE TABLE "ScheduleRun" (
    "organizationId" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "lastDueAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScheduleRun_pkey" PRIMARY KEY ("organizationId","job")
);

-- AddForeignKey
ALTER TABLE "ScheduleRun" ADD CONSTRAINT "ScheduleRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
