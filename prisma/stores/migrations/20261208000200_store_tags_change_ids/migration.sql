-- Store tags (labels to filter stores by); the change ids of bulk actions need no schema change
-- (StoreAuditEntry.changeId exists since audit_change_id). Existing stores start untagged.

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex: serves "carries every one of these tags" (@>), the list filter.
CREATE INDEX "Store_tags_idx" ON "Store" USING GIN ("tags");
