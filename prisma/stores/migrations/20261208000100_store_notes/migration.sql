-- CreateTable
CREATE TABLE "StoreNote" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" UUID,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoreNote_storeId_createdAt_id_idx" ON "StoreNote"("storeId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "StoreNote" ADD CONSTRAINT "StoreNote_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
