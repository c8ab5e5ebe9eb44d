import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError, type NewDomainEvent } from '@switchyard/shared';
import type { NewStore, StoreChangeRepository, StoreRepository } from '../../src/data/repositories.ts';
import type { TemplateStep } from '../../src/domain/provisioning-templates.ts';
import { auditedFields, diffFields } from '../../src/domain/audit.ts';
import { overlaps, parseCidr } from '@switchyard/shared/ipv4';
import { formatStoreCode } from '../../src/domain/store-code.ts';
import { storeEvent, type StoreEventType } from '../../src/domain/store-events.ts';
import type {
  Actor,
  AuditAction,
  AuditEntry,
  FieldChange,
  ProvisioningStep,
  Store,
  StoreEventPayload,
  StoreType,
} from '../../src/domain/types.ts';
import { createInMemoryTemplates } from './in-memory-templates.ts';

const pickState = (step: ProvisioningStep | undefined) => (step ? { doneAt: step.doneAt, doneBy: step.doneBy } : {});

/**
 * The stores repositories the services use, over plain maps, for unit tests: the contracts of
 * src/data/repositories.ts, with the audit entries and the events the Prisma repositories write
 * collected in `audit` and `events`. Test code only.
 */
export function createInMemoryStores(clock: () => Date = () => new Date()) {
  const templates = createInMemoryTemplates(clock);
  const storeRows = new Map<string, Store>();
  const stepRows = new Map<string, ProvisioningStep[]>();
  const audit: AuditEntry[] = [];
  const events: NewDomainEvent<StoreEventPayload>[] = [];
  let codeNumbers = 0;

  const copy = (store: Store): Store => structuredClone(store);

  function current(id: string, expectedVersion: number): Store {
    const store = storeRows.get(id);
    if (!store) throw new NotFoundError('Store', id);
    if (store.version !== expectedVersion)
      throw new ConflictError(`The store is at version ${store.version}`, { currentVersion: store.version });
    return store;
  }

  // What the database's exclusion constraint refuses: networks of two live stores sharing address space.
  function checkSubnet(store: Store, field: (index: number) => string = () => 'input.network.subnet'): void {
    if (store.status === 'DECOMMISSIONED') return;
    store.networks.forEach((network, index) => {
      const block = parseCidr(network.subnet)!;
      for (const other of storeRows.values()) {
        if (other.id === store.id || other.status === 'DECOMMISSIONED') continue;
        const theirs = other.networks.find((candidate) => overlaps(block, parseCidr(candidate.subnet)!));
        if (theirs)
          throw new BadUserInputError(
            field(index),
            `The subnet overlaps network "${theirs.name}" (${theirs.subnet}) of store ${other.code}`,
          );
      }
    });
  }

  function record(
    store: Store,
    action: AuditAction,
    type: StoreEventType,
    changes: Record<string, FieldChange>,
    actor: Actor,
    reason: string | null,
    payload: Pick<StoreEventPayload, 'from' | 'to' | 'stepKey'> = {},
    changeId: string | null = null,
  ): void {
    audit.push({
      id: randomUUID(),
      storeId: store.id,
      version: store.version,
      action,
      actor,
      changes,
      reason,
      changeId,
      createdAt: clock(),
    });
    events.push(storeEvent(type, store, changes, actor, payload));
  }

  const stores: Pick<StoreRepository, 'findById' | 'stepsOf' | 'liveSubnets'> = {
    findById: async (id) => {
      const store = storeRows.get(id);
      return store ? copy(store) : null;
    },
    stepsOf: async (ids) => new Map(ids.map((id) => [id, structuredClone(stepRows.get(id) ?? [])])),
    liveSubnets: async () =>
      [...storeRows.values()].flatMap((store) =>
        store.status !== 'DECOMMISSIONED' ? store.networks.map((network) => network.subnet) : [],
      ),
  };

  const currentTemplate = (type: StoreType) => templates.rows.get(type)?.at(-1) ?? null;
  const openSteps = (steps: readonly TemplateStep[]): ProvisioningStep[] =>
    steps.map(({ key, title, required }) => ({ key, title, required, doneAt: null, doneBy: null }));

  async function insert(
    { networkField, ...input }: NewStore,
    actor: Actor,
    reason: string | null,
    changeId: string | null,
  ): Promise<Store> {
    codeNumbers += 1;
    const at = clock();
    const template = currentTemplate(input.type);
    const store: Store = {
      ...structuredClone(input),
      id: randomUUID(),
      code: formatStoreCode(codeNumbers),
      status: 'DRAFT',
      openedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
      templateVersion: template?.version ?? null,
    };
    checkSubnet(store, networkField);
    storeRows.set(store.id, store);
    stepRows.set(store.id, openSteps(template?.steps ?? []));
    record(store, 'CREATED', 'StoreCreated', diffFields({}, auditedFields(store)), actor, reason, {}, changeId);
    return copy(store);
  }

  const changes: StoreChangeRepository = {
    create: (input, actor, reason) => insert(input, actor, reason, null),

    // All or nothing, as the one transaction of the Prisma repository.
    createMany: async (many, actor, reason, changeId) => {
      const saved = {
        stores: new Map(storeRows),
        steps: new Map(stepRows),
        audit: audit.length,
        events: events.length,
      };
      try {
        const created: Store[] = [];
        for (const store of many) created.push(await insert(store, actor, reason, changeId));
        return created;
      } catch (error) {
        storeRows.clear();
        saved.stores.forEach((value, key) => storeRows.set(key, value));
        stepRows.clear();
        saved.steps.forEach((value, key) => stepRows.set(key, value));
        audit.length = saved.audit;
        events.length = saved.events;
        throw error;
      }
    },

    change: async (id, expectedVersion, actor, reason, decide, changeId = null) => {
      const before = copy(current(id, expectedVersion));
      const plan = await decide(before, structuredClone(stepRows.get(id) ?? []));
      current(id, expectedVersion);
      const at = clock();
      const changed = diffFields(auditedFields(before), auditedFields(plan.next));
      if (plan.completedStep) changed[`steps.${plan.completedStep}`] = { before: null, after: at.toISOString() };
      const template = plan.retemplate ? currentTemplate(plan.next.type) : null;
      const templateVersion = plan.retemplate ? (template?.version ?? null) : before.templateVersion;
      if (templateVersion !== before.templateVersion)
        changed.templateVersion = { before: before.templateVersion, after: templateVersion };
      if (Object.keys(changed).length === 0) return before;

      const { id: _id, code: _code, version: _version, createdAt: _created, createdById: _by, ...columns } = plan.next;
      const after: Store = {
        ...before,
        ...structuredClone(columns),
        templateVersion,
        version: before.version + 1,
        updatedAt: at,
      };
      checkSubnet(after, plan.networkField);
      storeRows.set(id, after);
      if (plan.retemplate) {
        // As the Prisma repository: shared steps keep their state, others go, new ones start open.
        const kept = new Map((stepRows.get(id) ?? []).map((step) => [step.key, step]));
        stepRows.set(
          id,
          openSteps(template?.steps ?? []).map((step) => ({ ...step, ...pickState(kept.get(step.key)) })),
        );
      }
      const step = stepRows.get(id)?.find((candidate) => candidate.key === plan.completedStep);
      if (step) Object.assign(step, { doneAt: at, doneBy: actor });
      record(after, plan.action, plan.event, changed, actor, reason, plan.payload, changeId);
      return copy(after);
    },

    remove: async (id, expectedVersion, actor, reason, check) => {
      const before = copy(current(id, expectedVersion));
      check(before);
      storeRows.delete(id);
      stepRows.delete(id);
      const gone = { ...before, version: before.version + 1 };
      record(gone, 'DELETED', 'StoreDeleted', diffFields(auditedFields(before), {}), actor, reason);
      return gone;
    },
  };

  return {
    stores,
    changes,
    templates,
    /** What the tables hold, for assertions. */
    rows: { stores: storeRows, steps: stepRows },
    /** The audit entries and events written, in order. */
    audit,
    events,
  };
}

export type InMemoryStores = ReturnType<typeof createInMemoryStores>;
