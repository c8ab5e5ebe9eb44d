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
import type { Actor, AuditAction, FieldChange, Store, StoreEventPayload, StoreNetwork } from '../domain/types.ts';
import type { TemplateStep } from '../domain/provisioning-templates.ts';
import { isExclusionViolation } from './database-errors.ts';
import { currentTemplate } from './provisioning-template-rows.ts';
import type { Decide, NewStore, PlannedChange, StoreChangeRepository } from './repositories.ts';
import { networkColumns, writeNetworks } from './store-network-rows.ts';
import { WITH_NETWORKS, storeColumns, toStep, toStore } from './store-rows.ts';

// The networks' constraint, and the legacy one on the mirrored first network (store_networks migration).
const SUBNET_CONSTRAINTS = ['StoreNetwork_subnet_no_overlap', 'Store_subnet_no_overlap'];

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
      actor: Actor,
      reason: string | null,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Store> {
      return withSubnetCheck(
        db,
        () => ({ storeId: null, networks: store.networks, field: store.networkField }),
        () =>
          transaction((tx) =>
            idempotent(tx, idempotency, () => insertStore(tx, store, actor, reason, null), createdStore),
          ),
      );
    },

    async createMany(stores: NewStore[], actor: Actor, reason: string | null, changeId: string): Promise<Store[]> {
      let attempted: NewStore | undefined;
      return withSubnetCheck(
        db,
        () => ({ storeId: null, networks: attempted?.networks ?? [], field: attempted?.networkField }),
        async () => {
          // Hundreds of stores in one transaction: more than the default 5 s may be needed.
          const created = await db.$transaction(
            async (tx) => {
              const done: Store[] = [];
              for (const store of stores) {
                attempted = store;
                done.push(await insertStore(tx, store, actor, reason, changeId));
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
      changeId: string | null = null,
    ): Promise<Store> {
      let attempted: PlannedChange | undefined;
      return withSubnetCheck(
        db,
        () => ({ storeId: id, networks: attempted?.next.networks ?? [], field: attempted?.networkField }),
        () =>
          transaction(async (tx) => {
            const current = await currentAt(tx, id, expectedVersion);
            const steps = (
              await tx.provisioningStep.findMany({ where: { storeId: id }, orderBy: { position: 'asc' } })
            ).map(toStep);
            const plan = await decide(current, steps);
            attempted = plan;
            const at = now();
            const changes = diffFields(auditedFields(current), auditedFields(plan.next));
            if (plan.completedStep) changes[`steps.${plan.completedStep}`] = { before: null, after: at.toISOString() };
            const template = plan.retemplate ? await currentTemplate(tx, plan.next.type) : null;
            const templateVersion = plan.retemplate ? (template?.version ?? null) : current.templateVersion;
            if (templateVersion !== current.templateVersion)
              changes.templateVersion = { before: current.templateVersion, after: templateVersion };
            if (Object.keys(changes).length === 0) return current;

            const updated = await tx.store.updateMany({
              where: { id, version: expectedVersion },
              data: { ...storeColumns(plan.next), templateVersion, version: { increment: 1 } },
            });
            if (updated.count === 0) await refuseStale(tx, id);
            if (plan.completedStep) {
              await tx.provisioningStep.update({
                where: { storeId_key: { storeId: id, key: plan.completedStep } },
                data: { doneAt: at, doneByKind: actor.kind, doneById: actor.id, doneByUserId: actor.userId },
              });
            }
            if (plan.retemplate) await replaceSteps(tx, id, template?.steps ?? []);
            await writeNetworks(tx, id, current.networks, plan.next.networks);
            const changed = toStore(await tx.store.findUniqueOrThrow({ where: { id }, include: WITH_NETWORKS }));
            await record(tx, changed, plan.action, plan.event, changes, actor, reason, plan.payload ?? {}, changeId);
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
 * What creating one store writes: the next code, the row, its steps (from its type's template as
 * it is in this transaction), the audit entry and the event. Both createStore and the CSV import
 * go through it, inside their transaction.
 */
async function insertStore(
  tx: Tx,
  store: NewStore,
  actor: Actor,
  reason: string | null,
  changeId: string | null,
): Promise<Store> {
  const [{ number }] =
    (await tx.$queryRaw`SELECT nextval(pg_get_serial_sequence('"Store"', 'codeNumber'))::int AS number`) as [
      { number: number },
    ];
  const template = await currentTemplate(tx, store.type);
  const row = await tx.store.create({
    data: {
      ...storeColumns({ ...store, status: 'DRAFT', openedAt: null }),
      codeNumber: number,
      code: formatStoreCode(number),
      createdById: store.createdById,
      templateVersion: template?.version ?? null,
      provisioningSteps: { create: template?.steps ?? [] },
      networks: {
        create: store.networks.map((network, position) => ({ id: network.id, ...networkColumns(network, position) })),
      },
    },
    include: WITH_NETWORKS,
  });
  const created = toStore(row);
  const changes = diffFields({}, auditedFields(created));
  await record(tx, created, 'CREATED', 'StoreCreated', changes, actor, reason, {}, changeId);
  return created;
}

/** A repeated create answers the store it made, as it is now; NOT_FOUND once that draft was deleted. */
const createdStore = entityById<Store>(
  async (id, tx) => {
    const row = await (tx as Tx).store.findUnique({ where: { id }, include: WITH_NETWORKS });
    return row && toStore(row);
  },
  (id) => new NotFoundError('Store', id),
);

async function currentAt(tx: Tx, id: string, expectedVersion: number): Promise<Store> {
  const row = await tx.store.findUnique({ where: { id }, include: WITH_NETWORKS });
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
 * The exclusion constraint is what keeps two live networks from sharing address space, also when
 * two writers race; its violation is reported as bad input on the subnet, naming the store and
 * network in the way. `field` names the input of the attempted network at an index (default: the
 * single-network `input.network.subnet`).
 */
async function withSubnetCheck<T>(
  db: PrismaClient,
  attempted: () => {
    storeId: string | null;
    networks: readonly StoreNetwork[];
    field: ((index: number) => string) | undefined;
  },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!SUBNET_CONSTRAINTS.some((constraint) => isExclusionViolation(error, constraint))) throw error;
    const { storeId, networks, field = () => 'input.network.subnet' } = attempted();
    for (const [index, network] of networks.entries()) {
      const [holder] = await db.$queryRaw<{ code: string; name: string; subnet: string }[]>`
        SELECT s."code", n."name", host(n."subnet") || '/' || masklen(n."subnet") AS "subnet"
        FROM "StoreNetwork" n JOIN "Store" s ON s."id" = n."storeId"
        WHERE n."subnet" && ${network.subnet}::inet AND n."live"
          AND (${storeId}::uuid IS NULL OR n."storeId" <> ${storeId}::uuid)
        LIMIT 1`;
      if (holder)
        throw new BadUserInputError(
          field(index),
          `The subnet overlaps network "${holder.name}" (${holder.subnet}) of store ${holder.code}`,
          { store: holder.code, network: holder.name },
        );
    }
    throw new BadUserInputError(field(0), 'The subnet overlaps the subnet of another store');
  }
}

async function replaceSteps(tx: Tx, storeId: string, steps: TemplateStep[]) {
  await tx.provisioningStep.deleteMany({ where: { storeId, key: { notIn: steps.map((step) => step.key) } } });
  for (const { key, title, required, position } of steps) {
    await tx.provisioningStep.upsert({
      where: { storeId_key: { storeId, key } },
      create: { storeId, key, title, required, position },
      update: { title, required, position },
    });
  }
}
