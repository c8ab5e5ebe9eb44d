import { ConflictError, pageSize, parseInput, toConnection } from '@switchyard/shared';
import type { QueryResolvers } from '../generated/graphql.ts';
import { changeIdSchema, prefixLengthSchema, storeFilterSchema, storeOrderSchema } from '../domain/store-input.ts';

export const Query: QueryResolvers = {
  store: (_parent, { id }, { loaders }) => loaders.storeById.load(id),

  storeByCode: (_parent, { code }, { stores }) => stores.findByCode(code),

  stores: async (_parent, args, { stores }) => {
    const filter = parseInput(storeFilterSchema, args.filter ?? {}, 'filter');
    const order = parseInput(storeOrderSchema, args.orderBy, 'orderBy');
    const size = pageSize(args.first, { fallback: 50, max: 200 });
    const [rows, total] = await Promise.all([
      stores.page(filter, order, size, args.after ?? null),
      stores.count(filter),
    ]);
    return toConnection(rows, size, stores.cursorOf(order), total);
  },

  suggestSubnet: async (_parent, args, { storeService }) => {
    const prefixLength = parseInput(prefixLengthSchema, args.prefixLength ?? 24, 'prefixLength');
    const subnet = await storeService.suggestSubnet(prefixLength);
    if (!subnet) throw new ConflictError(`No free /${prefixLength} block is left in the subnet pool`);
    return subnet;
  },

  storeImportTemplate: (_parent, _args, { storeImport }) => storeImport.template(),

  storeTags: (_parent, _args, { stores }) => stores.tagCounts(),

  storeChange: (_parent, { changeId }, { audit }) => audit.byChange(parseInput(changeIdSchema, changeId, 'changeId')),
};
