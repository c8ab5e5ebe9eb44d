import { bearer, graphql } from './graphql-client.ts';

/** Meals fixtures for end-to-end suites. */
export async function createHousehold(gatewayUrl: string, token: string, name: string): Promise<string> {
  const response = await graphql(gatewayUrl, 'mutation ($name: String!) { createHousehold(name: $name) { id } }', { name }, bearer(token));
  if (!response.data?.createHousehold) throw new Error(`createHousehold failed: ${JSON.stringify(response.errors)}`);
  return response.data.createHousehold.id;
}

export async function createRecipe(gatewayUrl: string, token: string, title: string, ingredients: string[], servings = 4): Promise<string> {
  const input = { title, servings, ingredients: ingredients.map((raw) => ({ raw })), steps: ['Cook.'] };
  const response = await graphql(gatewayUrl, 'mutation ($input: RecipeInput!) { createRecipe(input: $input) { id } }', { input }, bearer(token));
  if (!response.data?.createRecipe) throw new Error(`createRecipe failed: ${JSON.stringify(response.errors)}`);
  return response.data.createRecipe.id;
}
