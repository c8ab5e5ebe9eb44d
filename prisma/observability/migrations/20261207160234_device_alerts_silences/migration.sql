-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AlertRuleKind" ADD VALUE 'LOW_BATTERY';
ALTER TYPE "AlertRuleKind" ADD VALUE 'DEVICE_OFFLINE';

-- AlterTable
ALTER TABLE "Silence" ADD COLUMN     "expiredAt" TIMESTAMP(3),
ADD COLUMN     "expiredBy" TEXT;

-- CreateTable
CREATE TABLE "DeviceSnapshot" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "storeId" TEXT,
    "battery" INTEGER,
    "healthStatus" TEXT,
    "healthChangedAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeviceSnapshot_hubId_idx" ON "DeviceSnapshot"("hubId");
