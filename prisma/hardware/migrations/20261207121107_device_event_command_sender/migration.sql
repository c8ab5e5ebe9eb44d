-- AlterTable
ALTER TABLE "DeviceEvent" ADD COLUMN     "sentByApiKeyId" TEXT,
ADD COLUMN     "sentByKind" TEXT,
ADD COLUMN     "sentByUserId" TEXT;
