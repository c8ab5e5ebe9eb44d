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
  query ScaledIngredients($id: ID!, $servings: Int!, $units: MeasurementSystem) {
    recipe(id: $id) {
      id
      scaled(servings: $servings) {
        ...IngredientFields
        display(units: $units) {
          text
          converted
        }
      }
    }
  }
`);

/** The recipe's own amounts as read in a measurement system (the household's when `units` is null). */
export const RecipeAmountsQuery = graphql(`
  query RecipeAmounts($id: ID!, $units: MeasurementSystem) {
    recipe(id: $id) {
      id
      ingredients {
        position
        display(units: $units) {
          text
          converted
        }
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

/** A page's recipe, not saved: prefills the recipe form. */
export const PreviewRecipeImportMutation = graphql(`
  mutation PreviewRecipeImport($url: String, $html: String) {
    previewRecipeImport(url: $url, html: $html) {
      title
      description
      servings
      prepMinutes
      cookMinutes
      ingredients {
        position
        raw
      }
      steps
      tags
      sourceUrl
      imageUrl
      nutrition {
        calories
        protein
        carbs
        fat
      }
      warnings {
        code
        field
        message
      }
    }
  }
`);

export const ImportRecipesMutation = graphql(`
  mutation ImportRecipes($urls: [String!]!) {
    importRecipes(urls: $urls) {
      url
      recipe {
        id
        title
      }
      error {
        code
        message
      }
    }
  }
`);
