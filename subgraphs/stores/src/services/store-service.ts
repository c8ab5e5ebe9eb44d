import { randomUUID } from 'node:crypto';
import type { IdempotencyRequest } from '@switchyard/shared';
import { GraphQLError } from 'graphql';
import type { NewStore, StoreChangeRepository, StoreRepository } from '../data/repositories.ts';
import { parseCidr, type Cidr } from '@switchyard/shared/ipv4';
import { checkDeletable, checkEditable, checkTypeChangeable, planTransition } from '../domain/lifecycle.ts';
import { firstFreeBlock } from '@switchyard/shared/network-plan';
import { BUILT_IN_STEP_GUARDS, checkStepCompletable, type StepGuard } from '../domain/provisioning.ts';
import type { CreateStoreInput, UpdateStoreInput } from '../domain/store-input.ts';
import { editTags } from '../domain/store-tags.ts';
import { firstPlan, initialNetworks, withFirstPlan } from '../domain/store-networks.ts';
import type { Actor, Store, StoreStatus } from '../domain/types.ts';

export type StoreService = ReturnType<typeof createStoreService>;

export interface StoreServiceDeps {
  stores: Pick<StoreRepository, 'findById' | 'liveSubnets'>;
  changes: StoreChangeRepository;
  /** Where suggestSubnet looks for free blocks. */
  subnetPool: Cidr;
  /** Extra preconditions per step key, e.g. from the hardware subgraph for `hardware-allocated`. */
  stepGuards?: Partial<Record<string, StepGuard>>;
  now?: () => Date;
  /** Ids of new networks and the change ids of bulk actions. */
  newId?: () => string;
}

export type BulkOutcome =
  { id: string; ok: true; store: Store } | { id: string; ok: false; error: { code: string; message: string } };

/** What a bulk action did to each store, and the change id its audit entries share. */
export interface BulkResult {
  changeId: string;
  results: BulkOutcome[];
}

/** The store use cases: each validates with the domain rules and commits through the change repository. */
export function createStoreService({
  stores,
  changes,
  subnetPool,
  stepGuards = {},
  now = () => new Date(),
  newId = randomUUID,
}: StoreServiceDeps) {
  const guards: Partial<Record<string, StepGuard>> = { ...BUILT_IN_STEP_GUARDS, ...stepGuards };

  const service = {
    create(
      input: CreateStoreInput,
      actor: Actor,
      reason: string | null,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Store> {
      return changes.create(storeToCreate(input, actor, newId), actor, reason, idempotency);
    },

    update(
      id: string,
      expectedVersion: number,
      input: UpdateStoreInput,
      actor: Actor,
      reason: string | null,
    ): Promise<Store> {
      return changes.change(id, expectedVersion, actor, reason, (current) => {
        checkEditable(current);
        const next = withUpdate(current, input, newId);
        if (next.type === current.type) return { action: 'UPDATED', event: 'StoreUpdated', next };
        checkTypeChangeable(current);
        return { action: 'UPDATED', event: 'StoreUpdated', next, retemplate: true };
      });
    },

    transition(
      id: string,
      to: StoreStatus,
      expectedVersion: number,
      actor: Actor,
      reason: string | null,
      changeId: string | null = null,
    ): Promise<Store> {
      return changes.change(
        id,
        expectedVersion,
        actor,
        reason,
        (current, steps) => ({
          action: 'STATUS_CHANGED',
          event: 'StoreStatusChanged',
          next: { ...current, ...planTransition(current, steps, to, now()) },
          payload: { from: current.status, to },
        }),
        changeId,
      );
    },

    /**
     * Replaces the store's tags (normalised by storeTagsSchema). Tags are labels, not part of the
     * store's setup: allowed in every status, decommissioned included.
     */
    setTags(id: string, expectedVersion: number, tags: string[], actor: Actor, reason: string | null): Promise<Store> {
      return changes.change(id, expectedVersion, actor, reason, (current) => ({
        action: 'UPDATED',
        event: 'StoreUpdated',
        next: { ...current, tags },
      }));
    },

    completeStep(
      id: string,
      key: string,
      expectedVersion: number,
      actor: Actor,
      reason: string | null,
    ): Promise<Store> {
      return changes.change(id, expectedVersion, actor, reason, async (current, steps) => {
        checkStepCompletable(steps, key, current.status);
        await guards[key]?.(current);
        return {
          action: 'STEP_COMPLETED',
          event: 'ProvisioningStepCompleted',
          next: current,
          completedStep: key,
          payload: { stepKey: key },
        };
      });
    },

    delete(id: string, expectedVersion: number, actor: Actor, reason: string | null): Promise<Store> {
      return changes.remove(id, expectedVersion, actor, reason, checkDeletable);
    },

    /** Moves each store on its own (see eachStore); the entries written share one change id. */
    bulkTransition(ids: readonly string[], to: StoreStatus, actor: Actor, reason: string | null): Promise<BulkResult> {
      return eachStore(ids, (store, changeId) =>
        service.transition(store.id, to, store.version, actor, reason, changeId),
      );
    },

    /**
     * Adds and removes tags (normalised) on each store on its own (see eachStore); a store that
     * would end up with too many tags is refused alone. Allowed in every status, like setTags.
     */
    bulkTag(
      ids: readonly string[],
      add: readonly string[],
      remove: readonly string[],
      actor: Actor,
      reason: string | null,
    ): Promise<BulkResult> {
      return eachStore(ids, (store, changeId) =>
        changes.change(
          store.id,
          store.version,
          actor,
          reason,
          (current) => ({
            action: 'UPDATED',
            event: 'StoreUpdated',
            next: { ...current, tags: editTags(current.tags, add, remove) },
          }),
          changeId,
        ),
      );
    },

    /** The first block of `prefixLength` bits in the pool that no live store uses, or null when the pool is full. */
    async suggestSubnet(prefixLength: number): Promise<string | null> {
      const taken = (await stores.liveSubnets())
        .map((subnet) => parseCidr(subnet))
        .filter((block): block is Cidr => block !== null);
      return firstFreeBlock(subnetPool, prefixLength, taken);
    },
  };

  /**
   * Applies `work` to each store on its own, at the version read just before, so one refused store
   * does not hold back the others; expected failures become per-store outcomes, anything else
   * propagates. Every audit entry written shares one fresh change id.
   */
  async function eachStore(
    ids: readonly string[],
    work: (store: Store, changeId: string) => Promise<Store>,
  ): Promise<BulkResult> {
    const changeId = newId();
    const results: BulkOutcome[] = [];
    for (const id of ids) {
      try {
        const store = await stores.findById(id);
        const changed = store ? await work(store, changeId) : null;
        results.push(
          changed
            ? { id, ok: true, store: changed }
            : { id, ok: false, error: { code: 'NOT_FOUND', message: `Store ${id} not found` } },
        );
      } catch (error) {
        if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') throw error;
        results.push({ id, ok: false, error: { code: error.extensions.code, message: error.message } });
      }
    }
    return { changeId, results };
  }

  return service;
}

/**
 * What a new store is made of, for createStore and the CSV import alike (see
 * StoreChangeRepository.createMany); its steps come from its type's template, read when it is written.
 */
export function storeToCreate(input: CreateStoreInput, actor: Actor, newId: () => string = randomUUID): NewStore {
  const { networks: networksInput, ...rest } = input;
  const networks = initialNetworks(input, newId);
  return {
    ...rest,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    network: firstPlan(networks),
    networks,
    networkField: networksInput?.length
      ? (index: number) => `input.networks.${index}.subnet`
      : () => 'input.network.subnet',
    createdById: actor.userId,
    tags: [],
  };
}

function withUpdate(current: Store, input: UpdateStoreInput, newId: () => string): Store {
  const networks = withFirstPlan(current.networks, input.network, newId);
  return {
    ...current,
    name: input.name ?? current.name,
    type: input.type ?? current.type,
    address: input.address ?? current.address,
    latitude: input.latitude === undefined ? current.latitude : input.latitude,
    longitude: input.longitude === undefined ? current.longitude : input.longitude,
    timezone: input.timezone ?? current.timezone,
    network: firstPlan(networks),
    networks,
  };
}
