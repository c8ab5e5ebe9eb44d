import { idempotencyRequest, parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { importSchema } from '../domain/inputs.ts';
import { createRecipeImportService } from '../services/recipe-import-service.ts';
import type { Context } from '../context.ts';

function importService({ fetchRecipePage, recipes, logger }: Context) {
  return createRecipeImportService({
    fetchRecipePage,
    recipes,
    onUnexpectedError: (error, url) => logger.error({ err: error, url }, 'recipe import failed'),
  });
}

/** Import preview and several URLs at once (Mutation fields, spread into Mutation.ts). */
export const recipeImportMutations: Pick<MutationResolvers, 'previewRecipeImport' | 'importRecipes'> = {
  previewRecipeImport: async (_parent, args, context) => {
    const { url, html } = parseInput(importSchema, args);
    // Only a member of a household may write recipes, so only one may preview them.
    await context.householdId();
    const { warnings, ...draft } = await importService(context).preview(url ? { url } : { html: html! });
    return {
      ...draft,
      ingredients: draft.ingredients.map((ingredient, position) => ({ ...ingredient, position })),
      warnings,
    };
  },

  importRecipes: async (_parent, { urls, idempotencyKey }, context) => {
    const idempotency = idempotencyRequest(idempotencyKey, context.principal, 'importRecipes', { urls });
    const household = await context.householdId();
    return importService(context).importMany(household, context.principal!.userId, urls, idempotency);
  },
};
