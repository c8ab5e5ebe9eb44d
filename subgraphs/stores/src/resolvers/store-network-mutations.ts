import { parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { actorOf } from '../domain/audit.ts';
import { reasonSchema, storeIdSchema, storeNetworkSchema } from '../domain/store-input.ts';

const reasonOf = (reason: string | null | undefined) => parseInput(reasonSchema, reason, 'reason');
const storeId = (id: string) => parseInput(storeIdSchema, id, 'storeId');
const networkInput = (input: unknown) => parseInput(storeNetworkSchema, input, 'input');

/** The network mutations of Mutation (merged into it in index.ts). */
export const StoreNetworkMutation: Pick<
  MutationResolvers,
  'addStoreNetwork' | 'updateStoreNetwork' | 'removeStoreNetwork'
> = {
  addStoreNetwork: (_parent, { storeId: id, expectedVersion, input, reason }, { principal, storeNetworkService }) =>
    storeNetworkService.add(storeId(id), expectedVersion, networkInput(input), actorOf(principal!), reasonOf(reason)),

  updateStoreNetwork: (
    _parent,
    { storeId: id, networkId, expectedVersion, input, reason },
    { principal, storeNetworkService },
  ) =>
    storeNetworkService.update(
      storeId(id),
      networkId,
      expectedVersion,
      networkInput(input),
      actorOf(principal!),
      reasonOf(reason),
    ),

  removeStoreNetwork: (
    _parent,
    { storeId: id, networkId, expectedVersion, reason },
    { principal, storeNetworkService },
  ) => storeNetworkService.remove(storeId(id), networkId, expectedVersion, actorOf(principal!), reasonOf(reason)),
};
