import { readFileSync } from 'node:fs';
import { MAX_HTML_DEPTH, extractRecipe } from './recipe-page.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('extractRecipe', () => {
  it('reads a Recipe given directly as JSON-LD', () => {
    const recipe = extractRecipe(fixture('jsonld-direct.html'), 'https://example.com/pancakes', 'html');
    expect(recipe).toMatchObject({
      title: 'Classic Pancakes',
      description: 'Fluffy pancakes for a weekend breakfast.',
      servings: 4,
      prepMinutes: 10,
      cookMinutes: 20,
      sourceUrl: 'https://example.com/pancakes',
      imageUrl: 'https://example.com/images/pancakes.jpg',
      tags: ['pancakes', 'breakfast', 'easy', 'american'],
      nutrition: { calories: 320, protein: 9, carbs: 45, fat: 11 },
    });
    expect(recipe.ingredients).toHaveLength(7);
    expect(recipe.ingredients[0]).toBe('1 1/2 cups all-purpose flour');
    expect(recipe.steps).toHaveLength(3);
    expect(recipe.steps[0]).toBe('Sift the flour, baking powder, sugar and salt into a large bowl.');
  });

  it('finds the Recipe inside a Yoast @graph and skips a broken JSON-LD block', () => {
    const recipe = extractRecipe(fixture('jsonld-graph.html'), null, 'html');
    expect(recipe).toMatchObject({
      title: 'Weeknight Chicken Curry',
      description: 'A quick curry with pantry spices & chicken thighs.',
      servings: 6,
      prepMinutes: 15,
      cookMinutes: 35,
      imageUrl: 'https://blog.example.org/wp-content/uploads/curry-1x1.jpg',
      tags: ['curry', 'chicken', 'weeknight', 'dinner', 'indian'],
      nutrition: null,
    });
    expect(recipe.ingredients).toEqual(expect.arrayContaining(['800 g chicken thighs, diced', 'Salt, to taste']));
    expect(recipe.steps).toEqual([
      'Heat the oil and soften the onion for 8 minutes.',
      'Add the garlic, ginger, cumin and turmeric and fry for 1 minute.',
      'Add the chicken and coconut milk and simmer for 25 minutes. Season with salt.',
    ]);
  });

  it('flattens HowToSections, takes a numeric yield and an image object, and derives cooking time from the total', () => {
    const recipe = extractRecipe(fixture('jsonld-sections.html'), null, 'html');
    expect(recipe).toMatchObject({
      title: 'Family Lasagne',
      servings: 8,
      prepMinutes: 30,
      cookMinutes: 60,
      imageUrl: 'https://cooking.example.net/lasagne.jpg',
    });
    expect(recipe.ingredients).toHaveLength(8);
    expect(recipe.steps).toHaveLength(5);
    expect(recipe.steps[4]).toBe('Bake at 190°C for 45 minutes.');
  });

  it('reads a top-level JSON-LD array with text instructions, "Serves 2" and the url from the data', () => {
    const recipe = extractRecipe(fixture('jsonld-array.html'), null, 'html');
    expect(recipe).toMatchObject({
      title: 'Tomato & Basil Soup',
      servings: 2,
      prepMinutes: 5,
      cookMinutes: 25,
      sourceUrl: 'https://soup.example.com/tomato-basil',
      tags: ['soup', 'vegetarian'],
    });
    expect(recipe.ingredients).toContain('½ tsp sugar');
    expect(recipe.steps).toHaveLength(3);
  });

  it('refuses a page without recipe data as BAD_USER_INPUT on the given field', () => {
    expect(() => extractRecipe(fixture('no-recipe.html'), null, 'html')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'html' }) }),
    );
    expect(() => extractRecipe('<p>plain</p>', null, 'url')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'url' }) }),
    );
  });

  it('refuses a page nesting elements deeper than the bound quickly, and still reads a deep but sane one', () => {
    const recipe = '<script type="application/ld+json">{"@type":"Recipe","name":"Deep soup"}</script>';
    for (const html of ['<div>'.repeat(180_000), '<div><span>'.repeat(90_000) + '</div>'.repeat(90_000)]) {
      const started = performance.now();
      expect(() => extractRecipe(html + recipe, null, 'html')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'html' }) }),
      );
      expect(performance.now() - started).toBeLessThan(500);
    }
    const sane = '<div>'.repeat(MAX_HTML_DEPTH - 2) + recipe + '</div>'.repeat(MAX_HTML_DEPTH - 2);
    expect(extractRecipe(sane, null, 'html').title).toBe('Deep soup');
    // Closed elements do not add up: many siblings are fine.
    expect(extractRecipe('<p><br>x</p>'.repeat(10_000) + recipe, null, 'html').title).toBe('Deep soup');
  });

  it('does not look for a Recipe more than a few levels down in the JSON-LD', () => {
    const nested = `${'['.repeat(50_000)}{"@type":"Recipe","name":"Buried"}${']'.repeat(50_000)}`;
    expect(() => extractRecipe(`<script type="application/ld+json">${nested}</script>`, null, 'html')).toThrow(
      'The page has no schema.org Recipe data (JSON-LD)',
    );
  });
});
