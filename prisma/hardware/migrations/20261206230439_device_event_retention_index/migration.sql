-- CreateIndex
CREATE INDEX "DeviceEvent_receivedAt_idx" ON "DeviceEvent"("receivedAt");
