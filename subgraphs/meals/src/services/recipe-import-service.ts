import { GraphQLError } from 'graphql';
import { parseInput, type IdempotencyRequest } from '@switchyard/shared';
import { z } from 'zod';
import type { RecipeRepository } from '../data/repositories.ts';
import { toRecipeDraft, type RecipeDraft } from '../domain/recipe-draft.ts';
import { extractRecipe, toRecipeData, type ImportedRecipe } from '../domain/recipe-page.ts';
import type { Recipe } from '../domain/types.ts';
import type { RecipePageFetcher } from '../import/recipe-page-fetcher.ts';

/** Pages fetched at once by one importRecipes call: a few, so 20 URLs take seconds, not a minute, without a burst of 20 sockets. */
export const IMPORT_CONCURRENCY = 4;
export const MAX_IMPORT_URLS = 20;

export interface RecipeImportResult {
  url: string;
  recipe: Recipe | null;
  error: { code: string; message: string } | null;
}

/** Several URLs: 1 to 20, each 1 to 2000 characters, none twice (compared as URLs: case of the host, default port). */
export const importUrlsSchema = z.object({
  urls: z
    .array(z.string().trim().min(1, 'must not be empty').max(2000))
    .min(1, 'give at least one URL')
    .max(MAX_IMPORT_URLS, `give at most ${MAX_IMPORT_URLS} URLs`)
    .superRefine((urls, context) => {
      const seen = new Map<string, number>();
      urls.forEach((url, index) => {
        const key = sameUrlKey(url);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else context.addIssue({ code: 'custom', path: [index], message: `repeats URL ${first + 1}` });
      });
    }),
});

function sameUrlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * Import without saving (a draft to edit) and import of several pages at once, on the same fetcher
 * and parser as importRecipe.
 */
export function createRecipeImportService(deps: {
  fetchRecipePage: RecipePageFetcher;
  recipes: Pick<RecipeRepository, 'createImported'>;
  /** Told about failures that are not the page's or the site's fault (they answer INTERNAL_SERVER_ERROR). */
  onUnexpectedError?: (error: unknown, url: string) => void;
}) {
  async function read(source: { url: string } | { html: string }): Promise<ImportedRecipe> {
    if ('html' in source) return extractRecipe(source.html, null, 'html');
    const page = await deps.fetchRecipePage(source.url);
    return extractRecipe(page.html, page.url, 'url');
  }

  return {
    async preview(source: { url: string } | { html: string }): Promise<RecipeDraft> {
      return toRecipeDraft(await read(source));
    },

    /**
     * `urls` as given to importRecipes; each is imported as importRecipe would, in its own
     * transaction. With a key, each URL keeps its own record (the key and its index), so a repeat
     * answers the recipes already saved and tries again the URLs that failed: their transactions
     * rolled back and took their records with them.
     */
    async importMany(
      householdId: string,
      userId: string,
      urls: unknown,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<RecipeImportResult[]> {
      const parsed = parseInput(importUrlsSchema, { urls }).urls;
      return mapWithLimit(parsed, IMPORT_CONCURRENCY, async (url, index) => {
        try {
          const data = toRecipeData(await read({ url }));
          const recipe = await deps.recipes.createImported(
            householdId,
            userId,
            data,
            idempotency && { ...idempotency, key: `${idempotency.key}:${index}` },
          );
          return { url, recipe, error: null };
        } catch (error) {
          return { url, recipe: null, error: describe(error, url) };
        }
      });
    },
  };

  function describe(error: unknown, url: string): { code: string; message: string } {
    if (error instanceof GraphQLError) {
      const code = error.extensions.code;
      if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { code, message: error.message };
    }
    deps.onUnexpectedError?.(error, url);
    return {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'This page could not be imported because of an error on our side',
    };
  }
}

export type RecipeImportService = ReturnType<typeof createRecipeImportService>;

/** `fn` over `items`, at most `limit` at a time, answers in the order of `items`. */
export async function mapWithLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
