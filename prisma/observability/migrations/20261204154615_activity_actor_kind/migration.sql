-- AlterTable
ALTER TABLE "ActivityEntry" ADD COLUMN     "actorKind" TEXT;
