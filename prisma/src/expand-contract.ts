import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'libpg-query';
import { listSubgraphSchemas, migrationsDir } from './subgraph-schemas.ts';

/**
 * Expand, then contract: a release's migrations may only add to the schema, so the previous release
 * (still running during a rolling deploy, or again after a rollback) keeps working against it.
 * Removing or reshaping what the previous release reads or writes (dropping or renaming a table or
 * column, changing a column's type, making a column required without a default) waits for a later
 * release that no longer uses it, and says so with a marker line in its migration:
 *
 *   -- contract: <why it is safe now, e.g. "nothing reads LoginThrottle.windowStartedAt since v1.4">
 *
 * Migrations up to EXPAND_CONTRACT_BASELINE were written before the rule and are not checked.
 */
export const EXPAND_CONTRACT_BASELINE = '20261205215356_idempotency_keys';

const LEADING_TRIVIA = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const MARKER = /^\s*--\s*contract:[ \t]*(\S.*)$/m;

export interface ContractingStatement {
  /** 1-based line of the statement's first character in migration.sql. */
  line: number;
  /** The statement's text, trimmed and cut to one line's length. */
  statement: string;
  reason: string;
}

export interface MigrationViolation {
  subgraph: string;
  migration: string;
  statements: ContractingStatement[];
}

// The AST of libpg-query (PostgreSQL's own parser) is JSON keyed by node type; only the fields read
// here are typed.
type Node = Record<string, unknown>;
interface RawStmt {
  stmt: Node;
  stmt_location?: number;
  stmt_len?: number;
}

const DROPPED_OBJECTS: Record<string, string> = {
  OBJECT_TABLE: 'DROP TABLE',
  OBJECT_VIEW: 'DROP VIEW',
  OBJECT_MATVIEW: 'DROP MATERIALIZED VIEW',
  OBJECT_FOREIGN_TABLE: 'DROP FOREIGN TABLE',
  OBJECT_TYPE: 'DROP TYPE',
  OBJECT_DOMAIN: 'DROP DOMAIN',
  OBJECT_SEQUENCE: 'DROP SEQUENCE',
  OBJECT_SCHEMA: 'DROP SCHEMA',
  OBJECT_FUNCTION: 'DROP FUNCTION',
  OBJECT_PROCEDURE: 'DROP PROCEDURE',
};

// Renaming an index, a constraint or a trigger changes nothing a client names; these do.
const RENAMED_OBJECTS = new Set([
  'OBJECT_TABLE',
  'OBJECT_COLUMN',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_FOREIGN_TABLE',
  'OBJECT_TYPE',
  'OBJECT_ATTRIBUTE',
  'OBJECT_DOMAIN',
  'OBJECT_SEQUENCE',
  'OBJECT_SCHEMA',
  'OBJECT_FUNCTION',
  'OBJECT_PROCEDURE',
]);

/** The contracting statements of one migration's SQL; throws on SQL that PostgreSQL would not parse. */
export async function contractingStatements(sql: string): Promise<ContractingStatement[]> {
  const { stmts } = (await parse(sql)) as unknown as { stmts: RawStmt[] };
  const defaults = columnsGivenDefaults(stmts);
  const found: ContractingStatement[] = [];
  for (const raw of stmts) {
    for (const reason of reasonsOf(raw.stmt, defaults)) {
      const start = raw.stmt_location ?? 0;
      const text = sql.slice(start, raw.stmt_len ? start + raw.stmt_len : undefined);
      // A statement's span starts right after the previous one, so it holds the comments between them.
      const leading = LEADING_TRIVIA.exec(text)?.[0].length ?? 0;
      found.push({
        line: sql.slice(0, start + leading).split('\n').length,
        statement: oneLine(text.slice(leading)),
        reason,
      });
    }
  }
  return found;
}

/** The reason given by the migration's `-- contract: <reason>` line, or null. */
export function contractMarker(sql: string): string | null {
  return MARKER.exec(sql)?.[1]?.trim() ?? null;
}

/**
 * Every migration newer than `baseline` (in every prisma/<subgraph>/migrations) that contracts the
 * schema without a `-- contract:` marker.
 */
export async function expandContractViolations(baseline = EXPAND_CONTRACT_BASELINE): Promise<MigrationViolation[]> {
  const violations: MigrationViolation[] = [];
  for (const subgraph of await listSubgraphSchemas()) {
    for (const migration of await migrationFolders(subgraph)) {
      if (migration <= baseline) continue;
      const sql = await readFile(join(migrationsDir(subgraph), migration, 'migration.sql'), 'utf8');
      if (contractMarker(sql) !== null) continue;
      const statements = await contractingStatements(sql).catch((error: Error) => {
        throw new Error(`${subgraph}/${migration}: migration.sql does not parse: ${error.message}`);
      });
      if (statements.length > 0) violations.push({ subgraph, migration, statements });
    }
  }
  return violations;
}

/** Every migration folder name of every subgraph, oldest first. */
export async function allMigrationFolders(): Promise<string[]> {
  const names: string[] = [];
  for (const subgraph of await listSubgraphSchemas()) names.push(...(await migrationFolders(subgraph)));
  return names.sort();
}

async function migrationFolders(subgraph: string): Promise<string[]> {
  const entries = await readdir(migrationsDir(subgraph), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function reasonsOf(stmt: Node, defaults: Set<string>): string[] {
  const [type, node] = Object.entries(stmt)[0] as [string, Node];
  switch (type) {
    case 'DropStmt': {
      const dropped = DROPPED_OBJECTS[node.removeType as string];
      return dropped ? [`${dropped}: the previous release may still use it`] : [];
    }
    case 'RenameStmt':
      return RENAMED_OBJECTS.has(node.renameType as string)
        ? [
            `RENAME (${(node.renameType as string).slice('OBJECT_'.length).toLowerCase()}): the previous release uses the old name`,
          ]
        : [];
    case 'AlterObjectSchemaStmt':
      return ['SET SCHEMA: the previous release looks in the old schema'];
    case 'AlterEnumStmt':
      return node.oldVal ? ['RENAME VALUE: the previous release reads and writes the old value'] : [];
    case 'DoStmt':
      return ['DO block: the statements it runs cannot be checked'];
    case 'AlterTableStmt':
      return alterTableReasons(node, defaults);
    default:
      return [];
  }
}

function alterTableReasons(node: Node, defaults: Set<string>): string[] {
  const table = relationName(node.relation);
  const reasons: string[] = [];
  for (const { AlterTableCmd: cmd } of (node.cmds ?? []) as { AlterTableCmd: Node }[]) {
    const column = cmd.name as string | undefined;
    switch (cmd.subtype) {
      case 'AT_DropColumn':
        reasons.push(`DROP COLUMN ${column}: the previous release may still read or write it`);
        break;
      case 'AT_AlterColumnType':
        reasons.push(`ALTER COLUMN ${column} TYPE: the previous release expects the old type`);
        break;
      case 'AT_SetNotNull':
        if (!defaults.has(`${table}.${column}`))
          reasons.push(
            `SET NOT NULL on ${column} without a DEFAULT in this migration: the previous release's inserts fail`,
          );
        break;
      case 'AT_ColumnDefault':
        if (!cmd.def) reasons.push(`DROP DEFAULT on ${column}: the previous release's inserts may rely on it`);
        break;
      case 'AT_AddColumn': {
        const def = (cmd.def as { ColumnDef: Node }).ColumnDef;
        if (requiredWithoutDefault(def))
          reasons.push(
            `ADD COLUMN ${def.colname as string} NOT NULL without a DEFAULT: the previous release's inserts fail`,
          );
        break;
      }
    }
  }
  return reasons;
}

/** `table.column` of every column this migration gives a default (SET DEFAULT, or ADD COLUMN … DEFAULT). */
function columnsGivenDefaults(stmts: RawStmt[]): Set<string> {
  const columns = new Set<string>();
  for (const { stmt } of stmts) {
    const node = stmt.AlterTableStmt as Node | undefined;
    if (!node) continue;
    const table = relationName(node.relation);
    for (const { AlterTableCmd: cmd } of (node.cmds ?? []) as { AlterTableCmd: Node }[]) {
      if (cmd.subtype === 'AT_ColumnDefault' && cmd.def) columns.add(`${table}.${cmd.name as string}`);
      if (cmd.subtype === 'AT_AddColumn') {
        const def = (cmd.def as { ColumnDef: Node }).ColumnDef;
        if (constraintTypes(def).some((type) => FILLED.has(type))) columns.add(`${table}.${def.colname as string}`);
      }
    }
  }
  return columns;
}

// A column with one of these gets a value without the inserting client naming it.
const FILLED = new Set(['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED']);

function requiredWithoutDefault(def: Node): boolean {
  const types = constraintTypes(def);
  const required = types.includes('CONSTR_NOTNULL') || types.includes('CONSTR_PRIMARY');
  return required && !types.some((type) => FILLED.has(type));
}

function constraintTypes(def: Node): string[] {
  return ((def.constraints ?? []) as { Constraint: Node }[]).map(({ Constraint }) => Constraint.contype as string);
}

function relationName(relation: unknown): string {
  const { schemaname, relname } = (relation ?? {}) as { schemaname?: string; relname?: string };
  return schemaname ? `${schemaname}.${relname}` : String(relname);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
