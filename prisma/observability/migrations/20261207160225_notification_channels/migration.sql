-- CreateEnum
CREATE TYPE "NotificationChannelKind" AS ENUM ('WEBHOOK', 'EMAIL', 'SLACK', 'NTFY');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "lastNotifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "channelIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "repeatIntervalSeconds" INTEGER;

-- AlterTable
ALTER TABLE "NotificationDelivery" ADD COLUMN     "channelId" UUID,
ADD COLUMN     "groupKey" TEXT,
ADD COLUMN     "repeat" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "NotificationChannelKind" NOT NULL,
    "url" TEXT,
    "emailTo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastTestAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestHttpStatus" INTEGER,
    "lastTestError" TEXT,

    CONSTRAINT "NotificationChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationChannel_name_key" ON "NotificationChannel"("name");
