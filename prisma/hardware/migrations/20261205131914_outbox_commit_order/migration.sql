-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "position" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_position_key" ON "OutboxEvent"("position");

-- CreateIndex
CREATE INDEX "OutboxEvent_aggregateType_position_idx" ON "OutboxEvent"("aggregateType", "position");

-- Positions are given at commit, not at insert: a deferred trigger numbers a transaction's events
-- while holding a transaction-level advisory lock, which is released only once the commit is
-- visible. The next transaction to number its events waits for that lock, so positions become
-- visible in increasing order, and a reader that has seen position N never later sees a new event
-- below N: resuming "after N" cannot skip a committed event. The cost is that event-writing
-- commits take their numbers one at a time (a few microseconds each).
CREATE SEQUENCE "OutboxEvent_position_seq" AS BIGINT;

WITH numbered AS (
  SELECT "id", row_number() OVER (ORDER BY "occurredAt", "aggregateType", "aggregateId", "sequence") AS n
  FROM "OutboxEvent"
)
UPDATE "OutboxEvent" AS o SET "position" = numbered.n FROM numbered WHERE o."id" = numbered."id";
SELECT setval('"OutboxEvent_position_seq"', COALESCE((SELECT MAX("position") FROM "OutboxEvent"), 0) + 1, false);

CREATE FUNCTION "OutboxEvent_number_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(TG_RELID::bigint);
  UPDATE "OutboxEvent" SET "position" = nextval('"OutboxEvent_position_seq"') WHERE "id" = NEW."id";
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "OutboxEvent_number_at_commit"
  AFTER INSERT ON "OutboxEvent" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "OutboxEvent_number_at_commit"();
