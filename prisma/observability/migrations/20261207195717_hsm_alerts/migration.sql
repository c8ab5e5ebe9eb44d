-- AlterEnum
ALTER TYPE "AlertRuleKind" ADD VALUE 'HSM_ALERT';

-- CreateTable
CREATE TABLE "HubSecuritySnapshot" (
    "hubId" TEXT NOT NULL,
    "hubName" TEXT NOT NULL,
    "storeId" TEXT,
    "alert" TEXT,
    "alertAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HubSecuritySnapshot_pkey" PRIMARY KEY ("hubId")
);
