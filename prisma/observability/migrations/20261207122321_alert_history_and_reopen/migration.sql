-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_ruleId_fkey";

-- AlterTable: existing alerts take their rule's current name. The default keeps the previous
-- release's inserts (which do not know the column) working during a rolling upgrade.
ALTER TABLE "Alert" ADD COLUMN     "lastReopenedAt" TIMESTAMP(3),
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ruleName" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "ruleId" DROP NOT NULL;
UPDATE "Alert" a SET "ruleName" = r."name" FROM "AlertRule" r WHERE r."id" = a."ruleId";

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
