import { setTimeout as sleep } from 'node:timers/promises';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from './logger.ts';
import type { RawSqlClient } from './outbox.ts';

/**
 * Retention of tables that only grow (outbox, device events, activity, checks). Every subgraph
 * process prunes its own database on a timer; deletes go in small batches, each statement its own
 * short transaction, with a pause between them, so a table is never locked for long and writers
 * interleave. Replicas may prune at the same time: the rows of a batch are taken with SKIP LOCKED and
 * a delete of a row already gone removes nothing, so two pruners split the work and their counts add
 * up to what was removed. No advisory lock, so nothing has to pin a pooled connection.
 */

/** Which rows of a table may go once they are older than the cutoff. */
export interface RetentionTask {
  /** The table, quoted as Prisma names it; also the `table` label of the counter. */
  table: string;
  /** Rows older than this many days go; null keeps them forever. */
  retentionDays: number | null;
  /** Rounds the cutoff (checks go by whole hours, as they are rolled up). */
  cutoff?: (olderThan: Date) => Date;
  /**
   * The rows that may go: a condition on the table with its parameters ($1…), and the order they go
   * in (an index's order, so a batch reads no more than it deletes). Work that must precede the
   * deletes (a roll-up) runs here. Null: nothing to remove this time.
   */
  select(cutoff: Date): Promise<{ where: string; params: unknown[]; orderBy: string } | null>;
}

export interface BatchedDelete {
  table: string;
  where: string;
  params: unknown[];
  orderBy: string;
  batchSize: number;
  /** Between batches, so other transactions get the table in between. */
  pauseMs: number;
  /** Checked between batches: a stopping process ends the pass early (the next one continues). */
  stopped?: () => boolean;
  /** Called after each batch with the rows it removed. */
  onBatch?: (removed: number) => void;
}

/**
 * Deletes the rows matching `where`, `batchSize` at a time, and returns how many went. The batch's
 * rows are picked by ctid from an ordered, limited sub-select (an index scan) and deleted by TID,
 * so no statement reads more of the table than it deletes.
 */
export async function deleteInBatches(db: RawSqlClient, options: BatchedDelete): Promise<number> {
  const { table, where, params, orderBy, batchSize, pauseMs } = options;
  const statement = `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM "${table}" WHERE ${where} ORDER BY ${orderBy} LIMIT ${Number(batchSize)} FOR UPDATE SKIP LOCKED))`;
  let total = 0;
  for (;;) {
    const removed = await db.$executeRawUnsafe(statement, ...params);
    total += removed;
    options.onBatch?.(removed);
    if (removed < batchSize || options.stopped?.()) return total;
    if (pauseMs > 0) await sleep(pauseMs);
  }
}

export interface RetentionSettings {
  /** Between passes; each pass starts after a random part of it more, so replicas drift apart. */
  intervalMs: number;
  batchSize: number;
  pauseMs: number;
}

export interface RetentionOptions extends RetentionSettings {
  db: RawSqlClient;
  tasks: RetentionTask[];
  logger: Logger;
  /** The service's registry: `retention_pruned_rows_total{table}` is served on its /metrics. */
  registry: Registry;
}

const DAY_MS = 86_400_000;

export function createRetentionCounter(registry: Registry) {
  const name = 'retention_pruned_rows_total';
  return (
    (registry.getSingleMetric(name) as Counter<'table'> | undefined) ??
    new Counter({
      name,
      help: 'Rows removed by retention, by table',
      labelNames: ['table'] as const,
      registers: [registry],
    })
  );
}

/**
 * One pass over every task: what each removed, by table. A failing task is logged and the others
 * still run; the rows it did not remove go on the next pass.
 */
export async function runRetentionPass(
  options: Omit<RetentionOptions, 'intervalMs'> & { now?: Date; stopped?: () => boolean },
): Promise<Record<string, number>> {
  const { db, logger, now = new Date() } = options;
  const counter = createRetentionCounter(options.registry);
  const removedByTable: Record<string, number> = {};
  for (const task of options.tasks) {
    if (task.retentionDays === null || options.stopped?.()) continue;
    const olderThan = new Date(now.getTime() - task.retentionDays * DAY_MS);
    const cutoff = task.cutoff ? task.cutoff(olderThan) : olderThan;
    const started = Date.now();
    let batches = 0;
    try {
      const selection = await task.select(cutoff);
      const removed = selection
        ? await deleteInBatches(db, {
            table: task.table,
            ...selection,
            batchSize: options.batchSize,
            pauseMs: options.pauseMs,
            stopped: options.stopped,
            onBatch: (rows) => {
              batches += 1;
              counter.inc({ table: task.table }, rows);
            },
          })
        : 0;
      removedByTable[task.table] = removed;
      const details = { table: task.table, removed, batches, cutoff: cutoff.toISOString(), ms: Date.now() - started };
      if (removed > 0) logger.info(details, `retention removed ${removed} rows from ${task.table}`);
      else logger.debug(details, `retention: nothing to remove from ${task.table}`);
    } catch (error) {
      logger.error({ err: error, table: task.table }, 'retention pass failed; retrying on the next pass');
    }
  }
  return removedByTable;
}

/**
 * Prunes every `intervalMs` (plus up to a tenth of it at random, so replicas started together do not
 * prune in lockstep); the first pass comes after a short random delay, not during start-up.
 */
export function startRetention(options: RetentionOptions) {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = runRetentionPass({ ...options, stopped: () => stopping })
        .catch((error: unknown) => options.logger.error({ err: error }, 'retention pass failed'))
        .finally(() => {
          running = null;
          if (!stopping) schedule(options.intervalMs + Math.random() * options.intervalMs * 0.1);
        });
    }, delayMs);
    timer.unref();
  };
  if (options.tasks.some((task) => task.retentionDays !== null))
    schedule(Math.min(options.intervalMs, 30_000 + Math.random() * 30_000));
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Rows whose `column` (a timestamp leading an index, so a batch reads only what it deletes) is
 * before the cutoff. `before` runs first on each pass, e.g. a roll-up of what is about to go.
 */
export function olderThanTask(
  table: string,
  column: string,
  retentionDays: number | null,
  options: { cutoff?: (olderThan: Date) => Date; before?: (cutoff: Date) => Promise<void> } = {},
): RetentionTask {
  return {
    table,
    retentionDays,
    ...(options.cutoff ? { cutoff: options.cutoff } : {}),
    async select(cutoff) {
      await options.before?.(cutoff);
      return { where: `"${column}" < $1::timestamp`, params: [cutoff], orderBy: `"${column}"` };
    },
  };
}
