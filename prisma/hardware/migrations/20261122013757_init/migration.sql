-- CreateEnum
CREATE TYPE "HubStatus" AS ENUM ('ONLINE', 'OFFLINE', 'UNAUTHORIZED');

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('POS_TERMINAL', 'ROUTER', 'SWITCH', 'ACCESS_POINT', 'CAMERA', 'PRINTER', 'HUB', 'OTHER');

-- CreateEnum
CREATE TYPE "AssetStatus" AS ENUM ('IN_STOCK', 'ALLOCATED', 'FAULTY', 'RETIRED');

-- CreateTable
CREATE TABLE "Hub" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "accessTokenEncrypted" TEXT NOT NULL,
    "webhookSecretHash" TEXT NOT NULL,
    "webhookGeneration" INTEGER NOT NULL DEFAULT 1,
    "storeId" TEXT,
    "status" "HubStatus" NOT NULL DEFAULT 'ONLINE',
    "mode" TEXT,
    "lastSeenAt" TIMESTAMP(3),
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hub_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" UUID NOT NULL,
    "hubId" UUID NOT NULL,
    "hubDeviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT,
    "room" TEXT,
    "capabilities" TEXT[],
    "commands" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceAttribute" (
    "deviceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,
    "unit" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastEventHash" TEXT,

    CONSTRAINT "DeviceAttribute_pkey" PRIMARY KEY ("deviceId","name")
);

-- CreateTable
CREATE TABLE "DeviceEvent" (
    "id" UUID NOT NULL,
    "deviceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,
    "unit" TEXT,
    "description" TEXT,
    "source" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" UUID NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "status" "AssetStatus" NOT NULL DEFAULT 'IN_STOCK',
    "storeId" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetAllocation" (
    "id" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "storeId" TEXT NOT NULL,
    "allocatedBy" TEXT,
    "allocatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),
    "releasedBy" TEXT,

    CONSTRAINT "AssetAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "actor" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Hub_storeId_idx" ON "Hub"("storeId");

-- CreateIndex
CREATE INDEX "Hub_nextPollAt_idx" ON "Hub"("nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "Hub_baseUrl_appId_key" ON "Hub"("baseUrl", "appId");

-- CreateIndex
CREATE INDEX "Device_room_idx" ON "Device"("room");

-- CreateIndex
CREATE UNIQUE INDEX "Device_hubId_hubDeviceId_key" ON "Device"("hubId", "hubDeviceId");

-- CreateIndex
CREATE INDEX "DeviceEvent_deviceId_receivedAt_id_idx" ON "DeviceEvent"("deviceId", "receivedAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_serialNumber_key" ON "Asset"("serialNumber");

-- CreateIndex
CREATE INDEX "Asset_storeId_idx" ON "Asset"("storeId");

-- CreateIndex
CREATE INDEX "AssetAllocation_assetId_allocatedAt_idx" ON "AssetAllocation"("assetId", "allocatedAt");

-- CreateIndex
CREATE INDEX "AssetAllocation_storeId_idx" ON "AssetAllocation"("storeId");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_occurredAt_idx" ON "OutboxEvent"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_aggregateType_aggregateId_sequence_key" ON "OutboxEvent"("aggregateType", "aggregateId", "sequence");

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceAttribute" ADD CONSTRAINT "DeviceAttribute_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceEvent" ADD CONSTRAINT "DeviceEvent_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetAllocation" ADD CONSTRAINT "AssetAllocation_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not expressible in schema.prisma: at most one open allocation per asset, so two concurrent
-- allocations of one asset cannot both be recorded.
CREATE UNIQUE INDEX "AssetAllocation_one_open_per_asset" ON "AssetAllocation"("assetId") WHERE "releasedAt" IS NULL;
