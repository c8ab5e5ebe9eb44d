-- AlterTable
ALTER TABLE "ActivityEntry" ADD COLUMN     "adminOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "householdId" TEXT;

-- Entries recorded before: the same audience the feed now gives new ones (domain/activity.ts).
UPDATE "ActivityEntry" SET "householdId" = "payload"->>'householdId'
  WHERE jsonb_typeof("payload"->'householdId') = 'string';
UPDATE "ActivityEntry" SET "adminOnly" = true WHERE "source" = 'identity';
