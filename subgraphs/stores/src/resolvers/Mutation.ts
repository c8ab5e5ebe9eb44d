import { idempotencyRequest, parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { actorOf } from '../domain/audit.ts';
import { authorizeTransition } from '../domain/lifecycle.ts';
import type { BulkResult } from '../services/store-service.ts';
import { bulkTagEditSchema, storeTagsSchema } from '../domain/store-tags.ts';
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
    return bulkAnswer(
      await storeService.bulkTransition(
        parseInput(bulkIdsSchema, ids, 'ids'),
        to,
        actorOf(principal!),
        reasonOf(reason),
      ),
    );
  },

  deleteStore: async (_parent, { id, expectedVersion, reason }, { principal, storeService }) =>
    (await storeService.delete(storeId(id), expectedVersion, actorOf(principal!), reasonOf(reason))).id,

  importStores: (_parent, { csv, apply, reason }, { principal, storeImport }) =>
    storeImport.run(csv, apply ?? false, actorOf(principal!), reasonOf(reason)),

  setStoreTags: (_parent, { id, expectedVersion, tags, reason }, { principal, storeService }) =>
    storeService.setTags(
      storeId(id),
      expectedVersion,
      parseInput(storeTagsSchema, tags, 'tags'),
      actorOf(principal!),
      reasonOf(reason),
    ),

  bulkTagStores: async (_parent, { ids, add, remove, reason }, { principal, storeService }) => {
    const edit = parseInput(bulkTagEditSchema, { add, remove });
    return bulkAnswer(
      await storeService.bulkTag(
        parseInput(bulkIdsSchema, ids, 'ids'),
        edit.add,
        edit.remove,
        actorOf(principal!),
        reasonOf(reason),
      ),
    );
  },
};

/** A bulk action's answer: its outcomes, counted, and its change id. */
function bulkAnswer({ changeId, results }: BulkResult) {
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded, changeId };
}
