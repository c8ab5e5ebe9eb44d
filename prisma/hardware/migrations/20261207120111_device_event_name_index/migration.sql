-- CreateIndex
CREATE INDEX "DeviceEvent_deviceId_name_receivedAt_id_idx" ON "DeviceEvent"("deviceId", "name", "receivedAt" DESC, "id");
