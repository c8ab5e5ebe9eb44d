import type { CombinedError } from '@urql/core';
import { errorCode } from '$lib/graphql/errors.js';
import { graphql } from '$lib/graphql/generated/index.js';

export const RecipesQuery = graphql(`
  query Recipes($filter: RecipeFilter, $first: Int, $after: String) {
    recipes(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...RecipeCard
        }
      }
    }
  }
`);

export const RecipeQuery = graphql(`
  query Recipe($id: ID!) {
    recipe(id: $id) {
      ...RecipeDetail
    }
  }
`);

export const ScaledIngredientsQuery = graphql(`
  query ScaledIngredients($id: ID!, $servings: Int!) {
    recipe(id: $id) {
      id
      scaled(servings: $servings) {
        ...IngredientFields
      }
    }
  }
`);

export const CreateRecipeMutation = graphql(`
  mutation CreateRecipe($input: RecipeInput!) {
    createRecipe(input: $input) {
      ...RecipeDetail
    }
  }
`);

export const UpdateRecipeMutation = graphql(`
  mutation UpdateRecipe($id: ID!, $input: RecipeInput!) {
    updateRecipe(id: $id, input: $input) {
      ...RecipeDetail
    }
  }
`);

export const DeleteRecipeMutation = graphql(`
  mutation DeleteRecipe($id: ID!) {
    deleteRecipe(id: $id)
  }
`);

export const ImportRecipeMutation = graphql(`
  mutation ImportRecipe($url: String, $html: String) {
    importRecipe(url: $url, html: $html) {
      ...RecipeDetail
    }
  }
`);

/** A recipe query that is done and found none in the household: refused as NOT_FOUND, or answered with null. */
export function recipeMissing(result: {
  fetching: boolean;
  error?: CombinedError;
  data?: { recipe?: unknown } | null;
}): boolean {
  if (result.data?.recipe || result.fetching) return false;
  return errorCode(result.error) === 'NOT_FOUND' || (!!result.data && !result.error);
}
