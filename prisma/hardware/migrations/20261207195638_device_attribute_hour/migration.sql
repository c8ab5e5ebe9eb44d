-- CreateTable
CREATE TABLE "DeviceAttributeHour" (
    "deviceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,

    CONSTRAINT "DeviceAttributeHour_pkey" PRIMARY KEY ("deviceId","name","hour")
);

-- CreateIndex
CREATE INDEX "DeviceAttributeHour_hour_idx" ON "DeviceAttributeHour"("hour");

-- AddForeignKey
ALTER TABLE "DeviceAttributeHour" ADD CONSTRAINT "DeviceAttributeHour_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;
