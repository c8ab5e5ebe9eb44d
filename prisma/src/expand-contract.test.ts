import {
  allMigrationFolders,
  contractingStatements,
  contractMarker,
  EXPAND_CONTRACT_BASELINE,
  expandContractViolations,
} from './expand-contract.ts';

test('no migration after the baseline contracts the schema without a "-- contract:" marker', async () => {
  const violations = await expandContractViolations();
  const report = violations.flatMap(({ subgraph, migration, statements }) =>
    statements.map((s) => `prisma/${subgraph}/migrations/${migration}/migration.sql:${s.line}: ${s.reason}`),
  );
  expect(report).toEqual([]);
});

test('the baseline names a migration that exists', async () => {
  expect(await allMigrationFolders()).toContain(EXPAND_CONTRACT_BASELINE);
});

test('migrations before the baseline are where the check would have struck', async () => {
  // The identity migration that renamed a LoginThrottle column predates the rule.
  const violations = await expandContractViolations('20261204000000');
  expect(violations).toContainEqual({
    subgraph: 'identity',
    migration: '20261204200459_login_throttle_per_device',
    statements: [
      {
        line: 4,
        statement: 'ALTER TABLE "LoginThrottle" RENAME COLUMN "windowStartedAt" TO "lastAttemptAt"',
        reason: 'RENAME (column): the previous release uses the old name',
      },
    ],
  });
});

const reasonsOf = async (sql: string) => (await contractingStatements(sql)).map((s) => s.reason.split(':')[0]);

test.each([
  ['DROP TABLE "Store";', 'DROP TABLE'],
  ['DROP VIEW "StoreSummary";', 'DROP VIEW'],
  ['DROP TYPE "StoreStatus_old";', 'DROP TYPE'],
  ['DROP SEQUENCE "OutboxEvent_position_seq";', 'DROP SEQUENCE'],
  ['ALTER TABLE "Store" DROP COLUMN "notes";', 'DROP COLUMN notes'],
  ['ALTER TABLE "Store" RENAME COLUMN "notes" TO "remarks";', 'RENAME (column)'],
  ['ALTER TABLE "Store" RENAME TO "Shop";', 'RENAME (table)'],
  ['ALTER TYPE "StoreStatus" RENAME TO "StoreState";', 'RENAME (type)'],
  [`ALTER TYPE "StoreStatus" RENAME VALUE 'ACTIVE' TO 'OPEN';`, 'RENAME VALUE'],
  ['ALTER TABLE "Store" SET SCHEMA archive;', 'SET SCHEMA'],
  ['ALTER TABLE "Store" ALTER COLUMN "version" TYPE BIGINT;', 'ALTER COLUMN version TYPE'],
  ['ALTER TABLE "Store" ALTER COLUMN "version" SET DATA TYPE BIGINT;', 'ALTER COLUMN version TYPE'],
  [
    'ALTER TABLE "Store" ALTER COLUMN "notes" SET NOT NULL;',
    'SET NOT NULL on notes without a DEFAULT in this migration',
  ],
  ['ALTER TABLE "Store" ALTER COLUMN "version" DROP DEFAULT;', 'DROP DEFAULT on version'],
  ['ALTER TABLE "Store" ADD COLUMN "region" TEXT NOT NULL;', 'ADD COLUMN region NOT NULL without a DEFAULT'],
  ['DO $$ BEGIN EXECUTE \'DROP TABLE "Store"\'; END $$;', 'DO block'],
])('contracting: %s', async (sql, reason) => {
  const [found] = await reasonsOf(sql);
  expect(found).toBe(reason.split(':')[0]);
});

test('every contracting command of one ALTER TABLE is reported', async () => {
  expect(
    await reasonsOf('ALTER TABLE "Store" DROP COLUMN "a", ADD COLUMN "b" TEXT, ALTER COLUMN "c" TYPE TEXT;'),
  ).toEqual(['DROP COLUMN a', 'ALTER COLUMN c TYPE']);
});

test.each([
  'CREATE TABLE "Backup" ("id" UUID NOT NULL, CONSTRAINT "Backup_pkey" PRIMARY KEY ("id"));',
  'ALTER TABLE "Store" ADD COLUMN "region" TEXT;',
  'ALTER TABLE "Store" ADD COLUMN "archived" BOOLEAN NOT NULL DEFAULT false;',
  'ALTER TABLE "Store" ADD COLUMN "seq" BIGINT GENERATED ALWAYS AS IDENTITY;',
  'ALTER TABLE "Store" ALTER COLUMN "notes" DROP NOT NULL;',
  `ALTER TABLE "Store" ALTER COLUMN "notes" SET DEFAULT '';`,
  // Filled for old rows and given to the previous release's inserts: safe to require.
  `ALTER TABLE "Store" ALTER COLUMN "notes" SET DEFAULT ''; UPDATE "Store" SET "notes" = '' WHERE "notes" IS NULL;
   ALTER TABLE "Store" ALTER COLUMN "notes" SET NOT NULL;`,
  'CREATE INDEX "Store_region_idx" ON "Store"("region");',
  'DROP INDEX "Store_region_idx";',
  `ALTER TYPE "StoreStatus" ADD VALUE 'ARCHIVED';`,
  'ALTER TABLE "Store" RENAME CONSTRAINT "a" TO "b";',
  'ALTER INDEX "a" RENAME TO "b";',
  'DELETE FROM "LoginThrottle";',
  `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DROP TABLE "Store"; RETURN NULL; END $$;`,
])('expanding: %s', async (sql) => {
  expect(await contractingStatements(sql)).toEqual([]);
});

test('a SET NOT NULL is judged by the defaults of its own column and table', async () => {
  const sql = `ALTER TABLE "Store" ALTER COLUMN "notes" SET DEFAULT '';
ALTER TABLE "Hub" ALTER COLUMN "notes" SET NOT NULL;`;
  expect(await reasonsOf(sql)).toEqual(['SET NOT NULL on notes without a DEFAULT in this migration']);
});

test('a finding names the line where its statement starts, past the comments before it', async () => {
  const sql = `-- CreateTable
CREATE TABLE "A" ("id" INTEGER);

-- AlterTable
/* the old name */
ALTER TABLE "B"
  DROP COLUMN "c";
`;
  expect(await contractingStatements(sql)).toEqual([
    {
      line: 6,
      statement: 'ALTER TABLE "B" DROP COLUMN "c"',
      reason: 'DROP COLUMN c: the previous release may still read or write it',
    },
  ]);
});

test('the marker needs a reason', () => {
  expect(
    contractMarker('-- contract: nothing reads "notes" since v1.4\nALTER TABLE "Store" DROP COLUMN "notes";'),
  ).toBe('nothing reads "notes" since v1.4');
  expect(contractMarker('-- contract:\nALTER TABLE "Store" DROP COLUMN "notes";')).toBeNull();
  expect(contractMarker('-- contracts are fine\nALTER TABLE "Store" DROP COLUMN "notes";')).toBeNull();
  expect(contractMarker('ALTER TABLE "Store" DROP COLUMN "notes";')).toBeNull();
});

test('SQL that PostgreSQL would not parse is an error, not a pass', async () => {
  await expect(contractingStatements('ALTER TABLE "Store" DROP COLUMN;')).rejects.toThrow(/syntax error/);
});
