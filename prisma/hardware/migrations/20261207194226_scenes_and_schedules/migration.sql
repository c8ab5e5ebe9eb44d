-- CreateEnum
CREATE TYPE "ScheduleTiming" AS ENUM ('CRON', 'SUNRISE', 'SUNSET');

-- CreateEnum
CREATE TYPE "RunTrigger" AS ENUM ('MANUAL', 'SCHEDULE');

-- CreateEnum
CREATE TYPE "RunOutcome" AS ENUM ('SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateTable
CREATE TABLE "Scene" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "storeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scene_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SceneAction" (
    "id" UUID NOT NULL,
    "sceneId" UUID NOT NULL,
    "deviceId" UUID NOT NULL,
    "command" TEXT NOT NULL,
    "arguments" TEXT[],
    "position" INTEGER NOT NULL,

    CONSTRAINT "SceneAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sceneId" UUID,
    "deviceId" UUID,
    "command" TEXT,
    "arguments" TEXT[],
    "timing" "ScheduleTiming" NOT NULL,
    "cron" TEXT,
    "offsetMinutes" INTEGER NOT NULL DEFAULT 0,
    "timeZone" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "storeId" TEXT,
    "createdBy" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SceneRun" (
    "id" UUID NOT NULL,
    "sceneId" UUID,
    "scheduleId" UUID,
    "trigger" "RunTrigger" NOT NULL,
    "scheduledFor" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "RunOutcome" NOT NULL,
    "results" JSONB NOT NULL,
    "startedBy" TEXT,

    CONSTRAINT "SceneRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scene_storeId_idx" ON "Scene"("storeId");

-- CreateIndex
CREATE INDEX "SceneAction_deviceId_idx" ON "SceneAction"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "SceneAction_sceneId_position_key" ON "SceneAction"("sceneId", "position");

-- CreateIndex
CREATE INDEX "Schedule_nextRunAt_idx" ON "Schedule"("nextRunAt");

-- CreateIndex
CREATE INDEX "Schedule_sceneId_idx" ON "Schedule"("sceneId");

-- CreateIndex
CREATE INDEX "SceneRun_sceneId_startedAt_idx" ON "SceneRun"("sceneId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "SceneRun_scheduleId_startedAt_idx" ON "SceneRun"("scheduleId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "SceneRun_startedAt_idx" ON "SceneRun"("startedAt");

-- AddForeignKey
ALTER TABLE "SceneAction" ADD CONSTRAINT "SceneAction_sceneId_fkey" FOREIGN KEY ("sceneId") REFERENCES "Scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SceneAction" ADD CONSTRAINT "SceneAction_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_sceneId_fkey" FOREIGN KEY ("sceneId") REFERENCES "Scene"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SceneRun" ADD CONSTRAINT "SceneRun_sceneId_fkey" FOREIGN KEY ("sceneId") REFERENCES "Scene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SceneRun" ADD CONSTRAINT "SceneRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand (Prisma cannot express it): a schedule targets a scene or one device command, never both or neither.
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_one_target" CHECK (("sceneId" IS NULL) <> ("deviceId" IS NULL));
