-- CreateEnum
CREATE TYPE "ServiceHealth" AS ENUM ('UP', 'DEGRADED', 'DOWN');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('PENDING', 'FIRING', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AlertRuleKind" AS ENUM ('SERVICE_DOWN', 'LATENCY_ABOVE', 'BREAKER_OPEN', 'HUB_OFFLINE');

-- CreateTable
CREATE TABLE "ServiceState" (
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "ServiceHealth" NOT NULL,
    "latencyMs" INTEGER,
    "error" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3) NOT NULL,
    "lastChangeAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceState_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ServiceCheck" (
    "id" BIGSERIAL NOT NULL,
    "service" TEXT NOT NULL,
    "status" "ServiceHealth" NOT NULL,
    "latencyMs" INTEGER,
    "error" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCheckHourly" (
    "service" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "checks" INTEGER NOT NULL,
    "upChecks" INTEGER NOT NULL,
    "avgLatencyMs" INTEGER,

    CONSTRAINT "ServiceCheckHourly_pkey" PRIMARY KEY ("service","hour")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "CircuitBreaker" (
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastChangeAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CircuitBreaker_pkey" PRIMARY KEY ("service","name")
);

-- CreateTable
CREATE TABLE "Hub" (
    "id" TEXT NOT NULL,
    "storeId" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hub_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreSnapshot" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "StoreSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertRuleKind" NOT NULL,
    "target" TEXT,
    "thresholdMs" INTEGER,
    "consecutiveChecks" INTEGER NOT NULL DEFAULT 2,
    "forSeconds" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL,
    "summary" TEXT NOT NULL,
    "silenced" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "note" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" UUID NOT NULL,
    "matcher" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationAttempt" (
    "id" UUID NOT NULL,
    "alertId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "transition" "AlertStatus" NOT NULL,
    "attempt" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEntry" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "storeId" TEXT,
    "actorId" TEXT,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "source" TEXT NOT NULL,
    "after" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("source")
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
CREATE INDEX "ServiceCheck_service_checkedAt_idx" ON "ServiceCheck"("service", "checkedAt");

-- CreateIndex
CREATE INDEX "ServiceCheck_checkedAt_idx" ON "ServiceCheck"("checkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_name_key" ON "AlertRule"("name");

-- CreateIndex
CREATE INDEX "Alert_status_startedAt_idx" ON "Alert"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Alert_ruleId_subject_status_idx" ON "Alert"("ruleId", "subject", "status");

-- CreateIndex
CREATE INDEX "Silence_until_idx" ON "Silence"("until");

-- CreateIndex
CREATE INDEX "NotificationAttempt_alertId_attemptedAt_idx" ON "NotificationAttempt"("alertId", "attemptedAt");

-- CreateIndex
CREATE INDEX "ActivityEntry_occurredAt_id_idx" ON "ActivityEntry"("occurredAt", "id");

-- CreateIndex
CREATE INDEX "ActivityEntry_storeId_occurredAt_idx" ON "ActivityEntry"("storeId", "occurredAt");

-- CreateIndex
CREATE INDEX "ActivityEntry_type_occurredAt_idx" ON "ActivityEntry"("type", "occurredAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_occurredAt_idx" ON "OutboxEvent"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_aggregateType_aggregateId_sequence_key" ON "OutboxEvent"("aggregateType", "aggregateId", "sequence");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationAttempt" ADD CONSTRAINT "NotificationAttempt_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
