-- CreateIndex
CREATE INDEX "ServiceCheckHourly_hour_idx" ON "ServiceCheckHourly"("hour");
