-- AlterTable
ALTER TABLE "Hub" ADD COLUMN     "hsmStatus" TEXT;

-- CreateTable
CREATE TABLE "HubEvent" (
    "id" UUID NOT NULL,
    "hubId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HubEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HubVariable" (
    "hubId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HubVariable_pkey" PRIMARY KEY ("hubId","name")
);

-- CreateIndex
CREATE INDEX "HubEvent_hubId_receivedAt_id_idx" ON "HubEvent"("hubId", "receivedAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "HubEvent" ADD CONSTRAINT "HubEvent_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HubVariable" ADD CONSTRAINT "HubVariable_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE CASCADE ON UPDATE CASCADE;
