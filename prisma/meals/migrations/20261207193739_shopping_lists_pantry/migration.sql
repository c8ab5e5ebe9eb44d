-- AlterTable
ALTER TABLE "ShoppingItem" ADD COLUMN     "sources" JSONB;

-- AlterTable
ALTER TABLE "ShoppingList" ADD COLUMN     "archived" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HouseholdAisleOrder" (
    "householdId" UUID NOT NULL,
    "aisles" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdAisleOrder_pkey" PRIMARY KEY ("householdId")
);

-- CreateTable
CREATE TABLE "FoodAisle" (
    "householdId" UUID NOT NULL,
    "foodKey" TEXT NOT NULL,
    "aisle" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FoodAisle_pkey" PRIMARY KEY ("householdId","foodKey")
);

-- CreateTable
CREATE TABLE "PantryItem" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "food" TEXT NOT NULL,
    "foodKey" TEXT NOT NULL,
    "quantity" DECIMAL(12,4),
    "unit" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PantryItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PantryItem_householdId_foodKey_key" ON "PantryItem"("householdId", "foodKey");

-- AddForeignKey
ALTER TABLE "HouseholdAisleOrder" ADD CONSTRAINT "HouseholdAisleOrder_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FoodAisle" ADD CONSTRAINT "FoodAisle_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PantryItem" ADD CONSTRAINT "PantryItem_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;
