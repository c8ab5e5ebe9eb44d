import { randomUUID } from 'node:crypto';
import type { StoreChangeRepository } from '../data/repositories.ts';
import { checkEditable } from '../domain/lifecycle.ts';
import type { StoreNetworkInput } from '../domain/store-input.ts';
import { firstPlan, withNetworkAdded, withNetworkRemoved, withNetworkUpdated } from '../domain/store-networks.ts';
import type { Actor, Store, StoreNetwork } from '../domain/types.ts';

export type StoreNetworkService = ReturnType<typeof createStoreNetworkService>;

export interface StoreNetworkServiceDeps {
  changes: StoreChangeRepository;
  newId?: () => string;
}

/**
 * A store's networks, one at a time: each change is a change of the store (expectedVersion,
 * audit entry `networks`, StoreUpdated event); overlap with other stores is refused by the
 * database and reported on `input.subnet`.
 */
export function createStoreNetworkService({ changes, newId = randomUUID }: StoreNetworkServiceDeps) {
  const changeNetworks = (
    storeId: string,
    expectedVersion: number,
    actor: Actor,
    reason: string | null,
    plan: (networks: StoreNetwork[]) => StoreNetwork[],
  ): Promise<Store> =>
    changes.change(storeId, expectedVersion, actor, reason, (current) => {
      checkEditable(current);
      const networks = plan(current.networks);
      return {
        action: 'UPDATED',
        event: 'StoreUpdated',
        next: { ...current, network: firstPlan(networks), networks },
        networkField: () => 'input.subnet',
      };
    });

  return {
    add(storeId: string, expectedVersion: number, input: StoreNetworkInput, actor: Actor, reason: string | null) {
      return changeNetworks(storeId, expectedVersion, actor, reason, (networks) =>
        withNetworkAdded(networks, input, newId()),
      );
    },

    update(
      storeId: string,
      networkId: string,
      expectedVersion: number,
      input: StoreNetworkInput,
      actor: Actor,
      reason: string | null,
    ) {
      return changeNetworks(storeId, expectedVersion, actor, reason, (networks) =>
        withNetworkUpdated(networks, networkId, input),
      );
    },

    remove(storeId: string, networkId: string, expectedVersion: number, actor: Actor, reason: string | null) {
      return changeNetworks(storeId, expectedVersion, actor, reason, (networks) =>
        withNetworkRemoved(networks, networkId),
      );
    },
  };
}
