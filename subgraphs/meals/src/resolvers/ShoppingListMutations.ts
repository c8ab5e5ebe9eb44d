import { BadUserInputError, parseInput, isUuid } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import { findAisle, normaliseAisles } from '../domain/aisles.ts';
import { foodKey } from '../domain/foods.ts';
import { ownedBy } from '../domain/household-access.ts';
import { listNameSchema, shoppingItemInputSchema } from '../domain/shopping-inputs.ts';
import type { Context } from '../context.ts';
import type { ItemChanges } from '../data/repositories.ts';

const aislesSchema = z.object({ aisles: z.array(z.string().max(200)).max(200) });

/** A list of the caller's household; NOT_FOUND for any other or a malformed id. */
async function ownList({ householdId, shoppingLists }: Context, id: string) {
  return ownedBy(isUuid(id) ? await shoppingLists.findById(id) : null, await householdId(), 'ShoppingList', id);
}

async function ownItem({ householdId, shoppingLists }: Context, id: string) {
  return ownedBy(isUuid(id) ? await shoppingLists.findItem(id) : null, await householdId(), 'ShoppingItem', id);
}

/** Lists started, renamed, archived and deleted by hand; items edited and deleted; the household's aisles. */
export const shoppingListMutations: MutationResolvers = {
  createShoppingList: async (_parent, args, { principal, householdId, shoppingLists }) => {
    const { name } = parseInput(listNameSchema, args);
    return shoppingLists.create(await householdId(), name, null, [], null, principal!.userId);
  },

  renameShoppingList: async (_parent, { id, ...args }, context) => {
    const { name } = parseInput(listNameSchema, args);
    return context.shoppingLists.rename(await ownList(context, id), name, context.principal!.userId);
  },

  archiveShoppingList: async (_parent, { id, archived }, context) =>
    context.shoppingLists.setArchived(await ownList(context, id), archived, context.principal!.userId),

  deleteShoppingList: async (_parent, { id }, context) => {
    await context.shoppingLists.delete(await ownList(context, id), context.principal!.userId);
    return id;
  },

  updateShoppingItem: async (_parent, { itemId, input }, context) => {
    const item = await ownItem(context, itemId);
    const { aisle, ...fields } = parseInput(shoppingItemInputSchema, input, 'input');
    const changes: ItemChanges = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    let remember: { foodKey: string; aisle: string } | null = null;
    if (aisle !== undefined) {
      const category = findAisle(await context.aisles.aisles(item.householdId), aisle);
      if (!category) throw new BadUserInputError('input.aisle', 'input.aisle: not one of the household’s aisles');
      changes.category = category;
      if (category !== item.category) remember = { foodKey: foodKey(changes.food ?? item.food), aisle: category };
    }
    return context.shoppingLists.updateItem(item.householdId, itemId, changes, context.principal!.userId, remember);
  },

  deleteShoppingItem: async (_parent, { itemId }, context) => {
    const item = await ownItem(context, itemId);
    await context.shoppingLists.deleteItem(item.householdId, itemId, context.principal!.userId);
    return itemId;
  },

  setHouseholdAisles: async (_parent, args, { householdId, households, aisles }) => {
    const household = await householdId();
    const result = normaliseAisles(parseInput(aislesSchema, args).aisles);
    if ('error' in result) throw new BadUserInputError('aisles', `aisles: ${result.error}`);
    await aisles.setAisles(household, result.aisles);
    return (await households.findById(household))!;
  },
};
