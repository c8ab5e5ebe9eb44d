-- AlterEnum
ALTER TYPE "AlertRuleKind" ADD VALUE 'ERROR_RATE';

-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "thresholdPercent" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "ServiceCheck" ADD COLUMN     "operations" BIGINT,
ADD COLUMN     "serverErrors" BIGINT;
