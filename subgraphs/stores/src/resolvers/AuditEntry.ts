import type { AuditEntryResolvers } from '../generated/graphql.ts';

const asJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const AuditEntry: AuditEntryResolvers = {
  store: (entry, _args, { loaders }) => loaders.storeById.load(entry.storeId),

  changes: (entry) =>
    Object.entries(entry.changes).map(([field, { before, after }]) => ({
      field,
      before: asJson(before),
      after: asJson(after),
    })),
};
