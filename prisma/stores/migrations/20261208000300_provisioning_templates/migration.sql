-- AlterTable
ALTER TABLE "ProvisioningStep" ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "templateVersion" INTEGER;

-- CreateTable
CREATE TABLE "ProvisioningTemplate" (
    "storeType" "StoreType" NOT NULL,
    "version" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProvisioningTemplate_pkey" PRIMARY KEY ("storeType","version")
);

-- Templates are immutable: publishing writes the next version, so what a store started from stays
-- readable as it was.
CREATE FUNCTION "refuse_template_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ProvisioningTemplate rows are immutable; publish a new version' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ProvisioningTemplate_immutable" BEFORE UPDATE ON "ProvisioningTemplate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_template_change"();

-- Version 1 of every type: the step lists that were fixed in code until now (all required), so
-- nothing changes until an ADMIN publishes version 2.
INSERT INTO "ProvisioningTemplate" ("storeType", "version", "steps") VALUES
  ('FLAGSHIP', 1, '[{"key":"network-configured","title":"Network configured","required":true,"position":0},{"key":"hardware-allocated","title":"Hardware allocated","required":true,"position":1},{"key":"hub-paired","title":"Hub paired","required":true,"position":2},{"key":"pos-tested","title":"POS tested","required":true,"position":3},{"key":"staff-trained","title":"Staff trained","required":true,"position":4}]'::jsonb),
  ('STANDARD', 1, '[{"key":"network-configured","title":"Network configured","required":true,"position":0},{"key":"hardware-allocated","title":"Hardware allocated","required":true,"position":1},{"key":"hub-paired","title":"Hub paired","required":true,"position":2},{"key":"pos-tested","title":"POS tested","required":true,"position":3},{"key":"staff-trained","title":"Staff trained","required":true,"position":4}]'::jsonb),
  ('KIOSK', 1, '[{"key":"network-configured","title":"Network configured","required":true,"position":0},{"key":"hardware-allocated","title":"Hardware allocated","required":true,"position":1},{"key":"pos-tested","title":"POS tested","required":true,"position":2}]'::jsonb),
  ('WAREHOUSE', 1, '[{"key":"network-configured","title":"Network configured","required":true,"position":0},{"key":"hardware-allocated","title":"Hardware allocated","required":true,"position":1},{"key":"hub-paired","title":"Hub paired","required":true,"position":2},{"key":"staff-trained","title":"Staff trained","required":true,"position":3}]'::jsonb),
  ('HOME', 1, '[{"key":"network-configured","title":"Network configured","required":true,"position":0},{"key":"hub-paired","title":"Hub paired","required":true,"position":1}]'::jsonb);

-- Every existing store was created (or last retyped) from those lists.
UPDATE "Store" SET "templateVersion" = 1;
