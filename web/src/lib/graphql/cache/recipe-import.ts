import { invalidateField, type CacheArea } from './area.js';

/** Recipe amounts in a measurement system, import previews and several-URL imports (meals). */
export const recipeImportCache: CacheArea = {
  embedded: ['IngredientAmount', 'RecipeDraft', 'RecipeImportWarning', 'RecipeImportResult', 'RecipeImportError'],
  mutations: {
    importRecipes: (_r, _a, cache) => invalidateField(cache, 'Query', 'recipes'),
  },
};
