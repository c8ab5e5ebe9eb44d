-- CreateEnum
CREATE TYPE "MeasurementSystem" AS ENUM ('METRIC', 'US');

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "units" "MeasurementSystem" NOT NULL DEFAULT 'METRIC';
