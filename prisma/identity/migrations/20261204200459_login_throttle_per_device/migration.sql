-- The keys change (no account-wide counter any more): old counters mean nothing, and they are
-- short-lived anyway, so they are dropped rather than converted. The column keeps its data type.
DELETE FROM "LoginThrottle";
ALTER TABLE "LoginThrottle" RENAME COLUMN "windowStartedAt" TO "lastAttemptAt";

-- CreateTable
CREATE TABLE "KnownDevice" (
    "userId" UUID NOT NULL,
    "deviceHash" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownDevice_pkey" PRIMARY KEY ("userId","deviceHash")
);

-- AddForeignKey
ALTER TABLE "KnownDevice" ADD CONSTRAINT "KnownDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
