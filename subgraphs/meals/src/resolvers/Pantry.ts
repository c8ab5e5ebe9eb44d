import { parseInput, isUuid } from '@switchyard/shared';
import type { MutationResolvers, QueryResolvers } from '../generated/graphql.ts';
import { ownedBy } from '../domain/household-access.ts';
import { whatCanIMake } from '../domain/pantry.ts';
import { pantryInputSchema, whatCanIMakeSchema } from '../domain/shopping-inputs.ts';
import type { Context } from '../context.ts';

async function ownPantryItem({ householdId, pantry }: Context, id: string) {
  return ownedBy(isUuid(id) ? await pantry.findById(id) : null, await householdId(), 'PantryItem', id);
}

export const pantryQueries: QueryResolvers = {
  pantry: async (_parent, _args, { householdId, pantry }) => pantry.list(await householdId()),

  whatCanIMake: async (_parent, args, { householdId, pantry }) => {
    const maxMissing = parseInput(whatCanIMakeSchema, args).maxMissing ?? 0;
    const household = await householdId();
    const [recipes, onHand] = await Promise.all([pantry.recipeFoods(household), pantry.list(household)]);
    return whatCanIMake(recipes, onHand, maxMissing).map(({ recipe, missing }) => ({ recipeId: recipe.id, missing }));
  },
};

export const pantryMutations: MutationResolvers = {
  addPantryItem: async (_parent, { input }, { householdId, pantry }) =>
    pantry.add(await householdId(), parseInput(pantryInputSchema, input, 'input')),

  updatePantryItem: async (_parent, { id, input }, context) => {
    const data = parseInput(pantryInputSchema, input, 'input');
    await ownPantryItem(context, id);
    return context.pantry.update(id, data);
  },

  removePantryItem: async (_parent, { id }, context) => {
    await ownPantryItem(context, id);
    await context.pantry.remove(id);
    return id;
  },
};
