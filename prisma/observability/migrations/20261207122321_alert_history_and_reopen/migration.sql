-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_ruleId_fkey";

-- AlterTable: existing alerts take their rule's current name before the column becomes required.
ALTER TABLE "Alert" ADD COLUMN     "lastReopenedAt" TIMESTAMP(3),
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ruleName" TEXT,
ALTER COLUMN "ruleId" DROP NOT NULL;
UPDATE "Alert" a SET "ruleName" = r."name" FROM "AlertRule" r WHERE r."id" = a."ruleId";
ALTER TABLE "Alert" ALTER COLUMN "ruleName" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
