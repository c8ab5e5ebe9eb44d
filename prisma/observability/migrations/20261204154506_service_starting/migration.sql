-- AlterEnum
ALTER TYPE "ServiceHealth" ADD VALUE 'STARTING';
