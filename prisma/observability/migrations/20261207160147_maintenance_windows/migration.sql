-- CreateEnum
CREATE TYPE "MaintenanceScope" AS ENUM ('GLOBAL', 'STORE', 'SUBJECT');

-- CreateEnum
CREATE TYPE "MaintenanceRecurrence" AS ENUM ('WEEKLY', 'CRON');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "maintenanceId" UUID;

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scope" "MaintenanceScope" NOT NULL,
    "storeId" TEXT,
    "subjects" TEXT[],
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "recurrence" "MaintenanceRecurrence",
    "weekdays" INTEGER[],
    "startTime" TEXT,
    "durationMinutes" INTEGER,
    "cron" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MaintenanceWindow_endsAt_idx" ON "MaintenanceWindow"("endsAt");
