-- CreateEnum
CREATE TYPE "StoreType" AS ENUM ('FLAGSHIP', 'STANDARD', 'KIOSK', 'WAREHOUSE', 'HOME');

-- CreateEnum
CREATE TYPE "StoreStatus" AS ENUM ('DRAFT', 'PROVISIONING', 'ACTIVE', 'SUSPENDED', 'DECOMMISSIONED');

-- CreateTable
CREATE TABLE "Store" (
    "id" UUID NOT NULL,
    "codeNumber" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "StoreType" NOT NULL,
    "status" "StoreStatus" NOT NULL DEFAULT 'DRAFT',
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "postalCode" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timezone" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3),
    "vlanId" INTEGER,
    "subnet" INET,
    "gateway" INET,
    "dhcpStart" INET,
    "dhcpEnd" INET,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningStep" (
    "storeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneByKind" TEXT,
    "doneById" UUID,
    "doneByUserId" UUID,

    CONSTRAINT "ProvisioningStep_pkey" PRIMARY KEY ("storeId","key")
);

-- CreateTable
CREATE TABLE "StoreAuditEntry" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" UUID,
    "userId" UUID,
    "changes" JSONB NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreAuditEntry_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Store_codeNumber_key" ON "Store"("codeNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Store_code_key" ON "Store"("code");

-- CreateIndex
CREATE INDEX "Store_name_id_idx" ON "Store"("name", "id");

-- CreateIndex
CREATE INDEX "Store_createdAt_id_idx" ON "Store"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Store_updatedAt_id_idx" ON "Store"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Store_status_idx" ON "Store"("status");

-- CreateIndex
CREATE UNIQUE INDEX "StoreAuditEntry_storeId_version_key" ON "StoreAuditEntry"("storeId", "version");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_occurredAt_idx" ON "OutboxEvent"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_aggregateType_aggregateId_sequence_key" ON "OutboxEvent"("aggregateType", "aggregateId", "sequence");

-- AddForeignKey
ALTER TABLE "ProvisioningStep" ADD CONSTRAINT "ProvisioningStep_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: what schema.prisma cannot express.

-- The network columns hold IPv4 addresses; the subnet is a network address (as cidr would enforce).
ALTER TABLE "Store" ADD CONSTRAINT "Store_subnet_is_network" CHECK ("subnet" IS NULL OR (family("subnet") = 4 AND "subnet" = network("subnet")));

-- No two stores that are not decommissioned may have overlapping subnets, whatever the
-- concurrency: the database refuses the second writer (SQLSTATE 23P01).
ALTER TABLE "Store" ADD CONSTRAINT "Store_subnet_no_overlap" EXCLUDE USING gist ("subnet" inet_ops WITH &&) WHERE ("status" <> 'DECOMMISSIONED');

-- The audit log is append-only.
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StoreAuditEntry is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StoreAuditEntry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "StoreAuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
