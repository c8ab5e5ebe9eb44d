-- AlterTable
ALTER TABLE "StoreAuditEntry" ADD COLUMN     "changeId" UUID;

-- CreateIndex
CREATE INDEX "StoreAuditEntry_changeId_idx" ON "StoreAuditEntry"("changeId");
