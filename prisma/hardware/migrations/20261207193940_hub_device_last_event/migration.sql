-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "lastEventAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Hub" ADD COLUMN     "lastEventAt" TIMESTAMP(3);
