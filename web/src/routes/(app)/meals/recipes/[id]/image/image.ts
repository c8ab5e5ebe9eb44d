import { graphql } from '$lib/graphql/generated/index.js';

/** Asked as the browser's own user: a recipe of another household is NOT_FOUND, so its picture is too. */
export const RecipeImageUrlQuery = graphql(`
  query RecipeImageUrl($id: ID!) {
    recipe(id: $id) {
      id
      imageUrl
    }
  }
`);
