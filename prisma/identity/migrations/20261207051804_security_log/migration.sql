-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorApiKeyId" UUID,
    "subjectUserId" UUID,
    "email" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "detail" JSONB,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SecurityEvent_occurredAt_id_idx" ON "SecurityEvent"("occurredAt", "id");

-- CreateIndex
CREATE INDEX "SecurityEvent_subjectUserId_occurredAt_idx" ON "SecurityEvent"("subjectUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "SecurityEvent_actorUserId_occurredAt_idx" ON "SecurityEvent"("actorUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "SecurityEvent_type_occurredAt_idx" ON "SecurityEvent"("type", "occurredAt");
