import { idempotencyRequest, parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { actorOf } from '../domain/audit.ts';
import { authorizeTransition } from '../domain/lifecycle.ts';
import {
  bulkIdsSchema,
  createStoreSchema,
  reasonSchema,
  storeIdSchema,
  updateStoreSchema,
} from '../domain/store-input.ts';

const reasonOf = (reason: string | null | undefined) => parseInput(reasonSchema, reason, 'reason');
const storeId = (id: string, field = 'id') => parseInput(storeIdSchema, id, field);

// @authz lets OPERATORs in; moves that need more (decommissioning) are checked per target status.
export const Mutation: MutationResolvers = {
  createStore: (_parent, { idempotencyKey, ...args }, { principal, storeService }) =>
    storeService.create(
      parseInput(createStoreSchema, args.input, 'input'),
      actorOf(principal!),
      reasonOf(args.reason),
      idempotencyRequest(idempotencyKey, principal, 'createStore', args),
    ),

  updateStore: (_parent, { id, expectedVersion, input, reason }, { principal, storeService }) =>
    storeService.update(
      storeId(id),
      expectedVersion,
      parseInput(updateStoreSchema, input, 'input'),
      actorOf(principal!),
      reasonOf(reason),
    ),

  transitionStore: (_parent, { id, to, expectedVersion, reason }, { principal, storeService }) => {
    authorizeTransition(principal, to);
    return storeService.transition(storeId(id), to, expectedVersion, actorOf(principal!), reasonOf(reason));
  },

  completeProvisioningStep: (_parent, { storeId: id, key, expectedVersion, reason }, { principal, storeService }) =>
    storeService.completeStep(storeId(id, 'storeId'), key, expectedVersion, actorOf(principal!), reasonOf(reason)),

  bulkTransitionStores: async (_parent, { ids, to, reason }, { principal, storeService }) => {
    authorizeTransition(principal, to);
    const results = await storeService.bulkTransition(
      parseInput(bulkIdsSchema, ids, 'ids'),
      to,
      actorOf(principal!),
      reasonOf(reason),
    );
    const succeeded = results.filter((result) => result.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  },

  deleteStore: async (_parent, { id, expectedVersion, reason }, { principal, storeService }) =>
    (await storeService.delete(storeId(id), expectedVersion, actorOf(principal!), reasonOf(reason))).id,

  importStores: (_parent, { csv, apply, reason }, { principal, storeImport }) =>
    storeImport.run(csv, apply ?? false, actorOf(principal!), reasonOf(reason)),
};
