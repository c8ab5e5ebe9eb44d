import { parseIngredient } from './ingredient-parser.ts';
import type { RecipeData } from './types.ts';

type DemoRecipe = [title: string, servings: number, prep: number, cook: number, tags: string[], ingredients: string[], steps: string[]];

/** A dozen everyday recipes so a fresh embedded install has something to plan and shop for. */
const DEMO: DemoRecipe[] = [
  ['Spaghetti Bolognese', 4, 15, 45, ['pasta', 'family'], ['1 tbsp olive oil', '1 onion, finely chopped', '2 cloves garlic, crushed', '500 g beef mince', '2 (400 g) cans chopped tomatoes', '1 tbsp tomato paste', '400 g spaghetti', 'salt and pepper to taste'], ['Soften the onion and garlic in the oil.', 'Brown the mince, add the tomatoes and paste, simmer for 40 minutes.', 'Cook the spaghetti and serve with the sauce.']],
  ['Chicken Curry', 4, 15, 35, ['curry', 'chicken'], ['2 tbsp vegetable oil', '1 large onion, chopped', '3 cloves garlic', '1 tbsp grated ginger', '2 tsp ground cumin', '1 tsp ground turmeric', '800 g chicken thighs, diced', '1 (400 ml) can coconut milk', '300 g rice'], ['Soften the onion, garlic and ginger in the oil.', 'Fry the spices for a minute, add the chicken and coconut milk and simmer for 25 minutes.', 'Serve with the rice.']],
  ['Vegetable Stir-Fry', 2, 10, 10, ['vegetarian', 'quick'], ['1 tbsp vegetable oil', '1 red bell pepper, sliced', '1 head broccoli, in florets', '2 carrots, in batons', '2 tbsp soy sauce', '1 tsp sesame oil', '200 g noodles'], ['Stir-fry the vegetables in the hot oil for 5 minutes.', 'Add the cooked noodles, soy sauce and sesame oil and toss.']],
  ['Tomato & Basil Soup', 2, 5, 25, ['soup', 'vegetarian'], ['1 tbsp olive oil', '1 onion, chopped', '2 cloves garlic', '400 g tomatoes', '500 ml vegetable stock', '1 handful basil leaves'], ['Soften the onion and garlic in the oil.', 'Add the tomatoes and stock and simmer for 20 minutes.', 'Blend with the basil.']],
  ['Classic Pancakes', 4, 10, 20, ['breakfast'], ['1 1/2 cups flour', '3 1/2 tsp baking powder', '1 tbsp sugar', '1 1/4 cups milk', '1 egg', '3 tbsp butter, melted'], ['Whisk everything into a smooth batter.', 'Cook ladlefuls on a hot griddle until golden on both sides.']],
  ['Greek Salad', 2, 15, 0, ['salad', 'vegetarian', 'quick'], ['1 cucumber', '4 tomatoes', '1 red onion', '200 g feta cheese', '1 handful olives', '3 tbsp olive oil', '1 tsp dried oregano'], ['Chop the vegetables, top with the feta and olives.', 'Dress with the oil and oregano.']],
  ['Baked Salmon with Potatoes', 2, 10, 30, ['fish'], ['2 salmon fillets', '500 g potatoes', '1 lemon', '2 tbsp olive oil', '2 sprigs fresh dill'], ['Roast the sliced potatoes in the oil for 15 minutes.', 'Add the salmon and lemon slices and bake for 15 minutes more.']],
  ['Chili con Carne', 6, 15, 60, ['family', 'spicy'], ['500 g beef mince', '1 onion, chopped', '2 cloves garlic', '1 tbsp chili powder', '1 tsp ground cumin', '2 (400 g) cans chopped tomatoes', '1 (400 g) can kidney beans, drained', '300 g rice'], ['Brown the mince with the onion and garlic.', 'Add the spices, tomatoes and beans and simmer for an hour.', 'Serve with the rice.']],
  ['Mushroom Risotto', 4, 10, 30, ['vegetarian', 'rice'], ['300 g arborio rice', '250 g mushrooms, sliced', '1 onion, finely chopped', '1 l vegetable stock', '50 g butter', '50 g parmesan, grated'], ['Soften the onion and mushrooms in half the butter.', 'Add the rice, then the stock a ladle at a time, stirring, for 20 minutes.', 'Stir in the remaining butter and the parmesan.']],
  ['Overnight Oats', 1, 5, 0, ['breakfast', 'quick'], ['1/2 cup rolled oats', '1/2 cup milk', '1/4 cup yogurt', '1 tbsp honey', '1 handful berries'], ['Mix the oats, milk, yogurt and honey and chill overnight.', 'Top with berries.']],
  ['Lentil Dal', 4, 10, 30, ['vegetarian', 'curry'], ['250 g red lentils', '1 onion, chopped', '2 cloves garlic', '1 tsp ground turmeric', '1 tsp ground cumin', '400 ml coconut milk', '1 handful fresh coriander'], ['Soften the onion and garlic, add the spices.', 'Add the lentils, coconut milk and 500 ml water and simmer for 25 minutes.', 'Finish with coriander.']],
  ['Roast Chicken', 6, 15, 90, ['family', 'chicken', 'sunday'], ['1 whole chicken', '1 kg potatoes', '4 carrots', '1 lemon', '3 tbsp olive oil', '4 sprigs fresh thyme', 'salt to taste'], ['Rub the chicken with oil, salt and thyme and put the lemon inside.', 'Roast with the vegetables at 200°C for 90 minutes.']],
];

export const DEMO_RECIPES: RecipeData[] = DEMO.map(([title, servings, prepMinutes, cookMinutes, tags, ingredients, steps]) => ({
  title,
  description: null,
  servings,
  prepMinutes,
  cookMinutes,
  tags,
  ingredients: ingredients.map(parseIngredient),
  steps,
  sourceUrl: null,
  imageUrl: null,
  nutrition: null,
}));

/** Indexes into DEMO_RECIPES for a planned week: dinners every day, pancakes on Saturday. */
export const DEMO_WEEK: { day: number; slot: 'BREAKFAST' | 'DINNER'; recipe: number }[] = [
  { day: 0, slot: 'DINNER', recipe: 0 },
  { day: 1, slot: 'DINNER', recipe: 1 },
  { day: 2, slot: 'DINNER', recipe: 2 },
  { day: 3, slot: 'DINNER', recipe: 6 },
  { day: 4, slot: 'DINNER', recipe: 7 },
  { day: 5, slot: 'BREAKFAST', recipe: 4 },
  { day: 5, slot: 'DINNER', recipe: 8 },
  { day: 6, slot: 'DINNER', recipe: 11 },
];
