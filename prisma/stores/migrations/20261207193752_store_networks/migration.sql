-- A store has several networks (StoreNetwork); its single plan on "Store" is copied into a first
-- network row (purpose OTHER, named "Store network"). Expand only: the old columns stay, written
-- as a mirror of the first network, for the previous release; a later release drops them.

-- CreateEnum
CREATE TYPE "NetworkPurpose" AS ENUM ('POS', 'GUEST_WIFI', 'CAMERAS', 'OFFICE', 'IOT', 'MANAGEMENT', 'OTHER');

-- CreateTable
CREATE TABLE "StoreNetwork" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "purpose" "NetworkPurpose" NOT NULL,
    "name" TEXT NOT NULL,
    "vlanId" INTEGER NOT NULL,
    "subnet" INET NOT NULL,
    "gateway" INET NOT NULL,
    "dhcpStart" INET NOT NULL,
    "dhcpEnd" INET NOT NULL,
    "live" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "StoreNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoreNetwork_storeId_position_idx" ON "StoreNetwork"("storeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StoreNetwork_storeId_vlanId_key" ON "StoreNetwork"("storeId", "vlanId");

-- AddForeignKey
ALTER TABLE "StoreNetwork" ADD CONSTRAINT "StoreNetwork_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The subnet is an IPv4 network address (as cidr would enforce).
ALTER TABLE "StoreNetwork" ADD CONSTRAINT "StoreNetwork_subnet_is_network" CHECK (family("subnet") = 4 AND "subnet" = network("subnet"));

-- "live" is the store's "not decommissioned", kept by the database itself: set from the store on
-- every write of a network row, and on every network of a store whose status changes.
CREATE FUNCTION "store_network_set_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."live" := (SELECT "status" <> 'DECOMMISSIONED' FROM "Store" WHERE "id" = NEW."storeId");
  RETURN NEW;
END;
$$;
CREATE TRIGGER "StoreNetwork_live" BEFORE INSERT OR UPDATE ON "StoreNetwork"
  FOR EACH ROW EXECUTE FUNCTION "store_network_set_live"();

CREATE FUNCTION "store_status_sets_network_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StoreNetwork" SET "live" = (NEW."status" <> 'DECOMMISSIONED') WHERE "storeId" = NEW."id";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Store_status_network_live" AFTER UPDATE OF "status" ON "Store"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "store_status_sets_network_live"();

-- Every existing plan becomes its store's first network.
INSERT INTO "StoreNetwork" ("id", "storeId", "position", "purpose", "name", "vlanId", "subnet", "gateway", "dhcpStart", "dhcpEnd")
SELECT gen_random_uuid(), "id", 0, 'OTHER', 'Store network', "vlanId", "subnet", "gateway", "dhcpStart", "dhcpEnd"
FROM "Store"
WHERE "subnet" IS NOT NULL AND "vlanId" IS NOT NULL AND "gateway" IS NOT NULL AND "dhcpStart" IS NOT NULL AND "dhcpEnd" IS NOT NULL;

-- No two live networks anywhere in the estate overlap, whatever the concurrency: the database
-- refuses the second writer (SQLSTATE 23P01). Added after the copy, which the old per-store
-- constraint already kept free of overlaps.
ALTER TABLE "StoreNetwork" ADD CONSTRAINT "StoreNetwork_subnet_no_overlap" EXCLUDE USING gist ("subnet" inet_ops WITH &&) WHERE ("live");
