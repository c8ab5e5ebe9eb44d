-- CreateEnum
CREATE TYPE "MonitorKind" AS ENUM ('HTTP', 'TCP', 'DNS', 'PING', 'PUSH');

-- AlterEnum
ALTER TYPE "AlertRuleKind" ADD VALUE 'CERTIFICATE_EXPIRING';

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "storeId" TEXT;

-- CreateTable
CREATE TABLE "Monitor" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MonitorKind" NOT NULL,
    "storeId" TEXT,
    "target" TEXT,
    "port" INTEGER,
    "http" JSONB,
    "dnsRecordType" TEXT,
    "dnsExpected" TEXT,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "retries" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "pushTokenHash" TEXT,
    "pushGeneration" INTEGER NOT NULL DEFAULT 0,
    "lastPushAt" TIMESTAMP(3),
    "certificateExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Monitor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Monitor_pushTokenHash_key" ON "Monitor"("pushTokenHash");

-- CreateIndex
CREATE INDEX "Monitor_storeId_idx" ON "Monitor"("storeId");
