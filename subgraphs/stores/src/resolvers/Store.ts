import { pageSize, parseInput, toConnection } from '@switchyard/shared';
import type { StoreResolvers } from '../generated/graphql.ts';
import { allowedTargets } from '../domain/lifecycle.ts';
import { changeIdSchema } from '../domain/store-input.ts';
import { provisioningProgress } from '../domain/provisioning.ts';

export const Store: StoreResolvers = {
  __resolveReference: ({ id }, context) => context.loaders.storeById.load(id),

  provisioningSteps: (store, _args, { loaders }) => store.steps ?? loaders.stepsByStoreId.load(store.id),

  provisioningProgress: async (store, _args, { loaders }) =>
    provisioningProgress(store.steps ?? (await loaders.stepsByStoreId.load(store.id))),

  allowedTransitions: (store) => [...allowedTargets(store.status)],

  createdBy: (store) => (store.createdById ? { id: store.createdById } : null),

  auditLog: async (store, { first, after, changeId }, { audit }) => {
    const size = pageSize(first, { fallback: 50, max: 200 });
    const change = changeId ? parseInput(changeIdSchema, changeId, 'changeId') : null;
    const [rows, total] = await Promise.all([
      audit.page(store.id, size, after ?? null, change),
      audit.count(store.id, change),
    ]);
    return toConnection(rows, size, audit.cursorOf, total);
  },

  notes: async (store, { first, after }, { notes }) => {
    const size = pageSize(first, { fallback: 20, max: 200 });
    const [rows, total] = await Promise.all([notes.page(store.id, size, after ?? null), notes.count(store.id)]);
    return toConnection(rows, size, notes.cursorOf, total);
  },
};
