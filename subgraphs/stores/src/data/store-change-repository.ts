import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  appendToOutbox,
  entityById,
  idempotent,
  type IdempotencyRequest,
} from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { auditedFields, diffFields } from '../domain/audit.ts';
import { formatStoreCode } from '../domain/store-code.ts';
import { storeEvent, type StoreEventType } from '../domain/store-events.ts';
import type { Actor, AuditAction, FieldChange, Store, StoreEventPayload } from '../domain/types.ts';
import { isExclusionViolation } from './database-errors.ts';
import type { Decide, NewStore, StoreChangeRepository } from './repositories.ts';
import { storeColumns, toStep, toStore } from './store-rows.ts';

const SUBNET_CONSTRAINT = 'Store_subnet_no_overlap';

/**
 * Each write in one transaction with its audit entry and outbox event; the version check is
 * UPDATE … WHERE version = expected. `afterCommit` (the outbox relay's nudge) publishes the events
 * at once.
 */
export function createStoreChangeRepository(
  db: PrismaClient,
  afterCommit: () => void,
  now: () => Date = () => new Date(),
): StoreChangeRepository {
  const transaction = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const result = await db.$transaction(work);
    afterCommit();
    return result;
  };
  return {
    async create(
      store: NewStore,
      steps: { key: string; title: string; position: number }[],
      actor: Actor,
      reason: string | null,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Store> {
      return withSubnetCheck(
        db,
        () => store.network?.subnet,
        () =>
          transaction((tx) =>
            idempotent(tx, idempotency, () => insertStore(tx, store, steps, actor, reason, null), createdStore),
          ),
      );
    },

    async createMany(
      stores: { store: NewStore; steps: { key: string; title: string; position: number }[] }[],
      actor: Actor,
      reason: string | null,
      changeId: string,
    ): Promise<Store[]> {
      let attempted: string | undefined;
      return withSubnetCheck(
        db,
        () => attempted,
        async () => {
          // Hundreds of stores in one transaction: more than the default 5 s may be needed.
          const created = await db.$transaction(
            async (tx) => {
              const done: Store[] = [];
              for (const { store, steps } of stores) {
                attempted = store.network?.subnet;
                done.push(await insertStore(tx, store, steps, actor, reason, changeId));
              }
              return done;
            },
            { timeout: 120_000, maxWait: 10_000 },
          );
          afterCommit();
          return created;
        },
      );
    },

    async change(
      id: string,
      expectedVersion: number,
      actor: Actor,
      reason: string | null,
      decide: Decide,
    ): Promise<Store> {
      let attempted: Store | undefined;
      return withSubnetCheck(
        db,
        () => attempted?.network?.subnet,
        () =>
          transaction(async (tx) => {
            const current = await currentAt(tx, id, expectedVersion);
            const steps = (
              await tx.provisioningStep.findMany({ where: { storeId: id }, orderBy: { position: 'asc' } })
            ).map(toStep);
            const plan = await decide(current, steps);
            attempted = plan.next;
            const at = now();
            const changes = diffFields(auditedFields(current), auditedFields(plan.next));
            if (plan.completedStep) changes[`steps.${plan.completedStep}`] = { before: null, after: at.toISOString() };
            if (Object.keys(changes).length === 0) return current;

            const updated = await tx.store.updateMany({
              where: { id, version: expectedVersion },
              data: { ...storeColumns(plan.next), version: { increment: 1 } },
            });
            if (updated.count === 0) await refuseStale(tx, id);
            if (plan.completedStep) {
              await tx.provisioningStep.update({
                where: { storeId_key: { storeId: id, key: plan.completedStep } },
                data: { doneAt: at, doneByKind: actor.kind, doneById: actor.id, doneByUserId: actor.userId },
              });
            }
            if (plan.steps) await replaceSteps(tx, id, plan.steps);
            const changed = toStore(await tx.store.findUniqueOrThrow({ where: { id } }));
            await record(tx, changed, plan.action, plan.event, changes, actor, reason, plan.payload ?? {});
            return changed;
          }),
      );
    },

    async remove(
      id: string,
      expectedVersion: number,
      actor: Actor,
      reason: string | null,
      check: (store: Store) => void,
    ): Promise<Store> {
      return transaction(async (tx) => {
        const current = await currentAt(tx, id, expectedVersion);
        check(current);
        const deleted = await tx.store.deleteMany({ where: { id, version: expectedVersion } });
        if (deleted.count === 0) await refuseStale(tx, id);
        const gone = { ...current, version: current.version + 1 };
        await record(tx, gone, 'DELETED', 'StoreDeleted', diffFields(auditedFields(current), {}), actor, reason, {});
        return gone;
      });
    },
  };
}

type Tx = Prisma.TransactionClient;

/**
 * What creating one store writes: the next code, the row, its steps, the audit entry and the event.
 * Both createStore and the CSV import go through it, inside their transaction.
 */
async function insertStore(
  tx: Tx,
  store: NewStore,
  steps: { key: string; title: string; position: number }[],
  actor: Actor,
  reason: string | null,
  changeId: string | null,
): Promise<Store> {
  const [{ number }] =
    (await tx.$queryRaw`SELECT nextval(pg_get_serial_sequence('"Store"', 'codeNumber'))::int AS number`) as [
      { number: number },
    ];
  const row = await tx.store.create({
    data: {
      ...storeColumns({ ...store, status: 'DRAFT', openedAt: null }),
      codeNumber: number,
      code: formatStoreCode(number),
      createdById: store.createdById,
      provisioningSteps: { create: steps },
    },
  });
  const created = toStore(row);
  const changes = diffFields({}, auditedFields(created));
  await record(tx, created, 'CREATED', 'StoreCreated', changes, actor, reason, {}, changeId);
  return created;
}

/** A repeated create answers the store it made, as it is now; NOT_FOUND once that draft was deleted. */
const createdStore = entityById<Store>(
  async (id, tx) => {
    const row = await (tx as Tx).store.findUnique({ where: { id } });
    return row && toStore(row);
  },
  (id) => new NotFoundError('Store', id),
);

async function currentAt(tx: Tx, id: string, expectedVersion: number): Promise<Store> {
  const row = await tx.store.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('Store', id);
  if (row.version !== expectedVersion) throw staleError(row.version);
  return toStore(row);
}

async function refuseStale(tx: Tx, id: string): Promise<never> {
  const row = await tx.store.findUnique({ where: { id }, select: { version: true } });
  if (!row) throw new NotFoundError('Store', id);
  throw staleError(row.version);
}

function staleError(currentVersion: number): ConflictError {
  return new ConflictError(`The store was changed meanwhile (now version ${currentVersion}); reload it and retry`, {
    currentVersion,
  });
}

async function record(
  tx: Tx,
  store: Store,
  action: AuditAction,
  event: StoreEventType,
  changes: Record<string, FieldChange>,
  actor: Actor,
  reason: string | null,
  payload: Pick<StoreEventPayload, 'from' | 'to' | 'stepKey'>,
  changeId: string | null = null,
): Promise<void> {
  await tx.storeAuditEntry.create({
    data: {
      storeId: store.id,
      version: store.version,
      action,
      actorKind: actor.kind,
      actorId: actor.id,
      userId: actor.userId,
      changes: changes as unknown as Prisma.InputJsonValue,
      reason,
      changeId,
    },
  });
  await appendToOutbox(tx, storeEvent(event, store, changes, actor, payload));
}

/**
 * The exclusion constraint is what keeps two live stores from sharing address space, also when
 * two writers race; its violation is reported as bad input on the subnet, naming a store in the way.
 */
async function withSubnetCheck<T>(
  db: PrismaClient,
  attemptedSubnet: () => string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isExclusionViolation(error, SUBNET_CONSTRAINT)) throw error;
    const subnet = attemptedSubnet();
    const holder = subnet
      ? await db.$queryRaw<{ code: string; subnet: string }[]>`
          SELECT "code", host("subnet") || '/' || masklen("subnet") AS "subnet" FROM "Store"
          WHERE "subnet" && ${subnet}::inet AND "status" <> 'DECOMMISSIONED' LIMIT 1`
      : [];
    const detail = holder[0] ? ` of store ${holder[0].code} (${holder[0].subnet})` : ' of another store';
    throw new BadUserInputError('input.network.subnet', `The subnet overlaps the subnet${detail}`);
  }
}

async function replaceSteps(tx: Tx, storeId: string, steps: { key: string; title: string; position: number }[]) {
  await tx.provisioningStep.deleteMany({ where: { storeId, key: { notIn: steps.map((step) => step.key) } } });
  for (const step of steps) {
    await tx.provisioningStep.upsert({
      where: { storeId_key: { storeId, key: step.key } },
      create: { storeId, ...step },
      update: { position: step.position },
    });
  }
}
