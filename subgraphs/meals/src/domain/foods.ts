/**
 * Food names as the shopping list compares and shows them, and the shop aisle each belongs to.
 */

/**
 * Words that say how big a piece is, not what it is: "2 large onions" and "3 onions" are one food.
 * Only sizes: "fresh", "red" or "ground" can change what is bought, so they stay.
 */
const SIZE_WORDS = new Set(['small', 'medium', 'large', 'big', 'jumbo', 'extra-large', 'medium-sized', 'large-sized']);

/** The name without size words, spaces collapsed, as written otherwise: "2 Large  onions" → "onions". */
export function foodName(food: string): string {
  const words = food.replace(/\s+/g, ' ').trim().split(' ');
  const kept = words.filter((word, index) => {
    const lower = word.toLowerCase();
    // "extra large" as two words goes with its size word.
    const beforeSize = lower === 'extra' && SIZE_WORDS.has(words[index + 1]?.toLowerCase() ?? '');
    return !SIZE_WORDS.has(lower) && !beforeSize;
  });
  return kept.length ? kept.join(' ') : words.join(' ');
}

/** Lower-case, size words dropped, naive English singular: "Large Tomatoes" and "tomato" are one food. */
export function foodKey(food: string): string {
  return lastWord(foodName(food).toLowerCase(), singular);
}

function lastWord(name: string, change: (word: string) => string): string {
  const at = name.lastIndexOf(' ') + 1;
  return name.slice(0, at) + change(name.slice(at));
}

function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ves') && LEAVES.has(word)) return `${word.slice(0, -3)}f`;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(oes|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const LEAVES = new Set(['leaves', 'loaves', 'halves']);
/** Foods bought by weight or volume, never counted: "2 garlic" means two of something, not two garlics. */
const UNCOUNTED = new Set([
  'garlic',
  'ginger',
  'rice',
  'flour',
  'sugar',
  'salt',
  'butter',
  'milk',
  'water',
  'oil',
  'cheese',
  'spinach',
  'lettuce',
  'parsley',
  'basil',
  'coriander',
  'cilantro',
  'thyme',
  'celery',
  'mince',
]);

function plural(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTED.has(lower) || lower.endsWith('s')) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(ch|sh|x|z)$/i.test(word) || /(tomato|potato|mango)$/i.test(word)) return `${word}es`;
  if (/(leaf|loaf|half)$/i.test(word)) return `${word.slice(0, -1)}ves`;
  return `${word}s`;
}

/** How a counted food reads after its number: "1 onion", "5 onions", "2 garlic". */
export function countedFood(food: string, count: number): string {
  const name = lastWord(foodName(food), singular);
  return count > 1 ? lastWord(name, plural) : name;
}

export const CATEGORIES = [
  'Produce',
  'Meat & Fish',
  'Dairy & Eggs',
  'Bakery',
  'Pantry',
  'Spices & Herbs',
  'Frozen',
  'Other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Matched against whole words of the food key. English puts the head noun last, so a word ending
 * the name wins ("chicken stock" is Pantry, not Meat), then the longer word ("bell pepper" over "pepper").
 */
const CATEGORY_WORDS: [Category, string[]][] = [
  [
    'Pantry',
    [
      'stock',
      'broth',
      'sauce',
      'paste',
      'oil',
      'vinegar',
      'flour',
      'sugar',
      'honey',
      'rice',
      'pasta',
      'spaghetti',
      'noodle',
      'oat',
      'bean',
      'chickpea',
      'lentil',
      'canned',
      'passata',
      'raisin',
      'puree',
      'chopped tomato',
      'crushed tomato',
      'sun-dried tomato',
      'stock cube',
      'bouillon',
      'olive',
      'caper',
      'pesto',
      'mustard',
      'ketchup',
      'mayonnaise',
      'coconut milk',
      'chocolate',
      'baking powder',
      'baking soda',
      'yeast',
      'vanilla extract',
      'cocoa powder',
      'tortilla',
      'breadcrumb',
      'nut',
      'almond',
      'walnut',
      'peanut butter',
      'quinoa',
      'couscous',
    ],
  ],
  [
    'Spices & Herbs',
    [
      'salt',
      'pepper',
      'cumin',
      'paprika',
      'oregano',
      'thyme',
      'basil',
      'parsley',
      'coriander',
      'cilantro',
      'rosemary',
      'cinnamon',
      'nutmeg',
      'turmeric',
      'chili powder',
      'chilli flake',
      'curry powder',
      'bay leaf',
      'dill',
      'mint',
      'garam masala',
    ],
  ],
  [
    'Meat & Fish',
    [
      'beef',
      'mince',
      'pork',
      'chicken',
      'turkey',
      'lamb',
      'bacon',
      'sausage',
      'ham',
      'salmon',
      'tuna',
      'cod',
      'fish',
      'shrimp',
      'prawn',
    ],
  ],
  [
    'Dairy & Eggs',
    ['milk', 'butter', 'cream', 'cheese', 'yogurt', 'yoghurt', 'egg', 'parmesan', 'mozzarella', 'feta', 'cheddar'],
  ],
  ['Bakery', ['bread', 'bun', 'roll', 'baguette', 'pita', 'naan']],
  ['Frozen', ['frozen', 'pea', 'ice cream']],
  [
    'Produce',
    [
      'onion',
      'garlic',
      'tomato',
      'potato',
      'carrot',
      'celery',
      'lettuce',
      'spinach',
      'kale',
      'cabbage',
      'broccoli',
      'cauliflower',
      'zucchini',
      'courgette',
      'aubergine',
      'eggplant',
      'bell pepper',
      'chilli',
      'chili',
      'ginger',
      'lemon',
      'lime',
      'orange',
      'apple',
      'banana',
      'apricot',
      'pear',
      'grape',
      'peach',
      'plum',
      'mango',
      'pineapple',
      'berry',
      'avocado',
      'mushroom',
      'leek',
      'shallot',
      'scallion',
      'spring onion',
      'cucumber',
      'squash',
      'pumpkin',
      'sweet potato',
      'corn',
      'herb',
    ],
  ],
];

/** Goods kept in tins and jars sit in the pantry aisle whatever is in them (tuna, tomatoes, beans). */
const PRESERVED_WORDS = /\b(canned|tinned|jarred|pickled)\b/;
const PRESERVED_UNITS = new Set(['can', 'jar']);

/**
 * The aisle of a food, given the unit it is bought in (`1 can tomatoes` is Pantry, `3 tomatoes` Produce).
 * Dried or frozen produce is in those aisles, not with the fresh vegetables.
 */
export function categoryOf(food: string, unit: string | null = null): Category {
  const key = ` ${foodKey(food)} `;
  if (PRESERVED_WORDS.test(key) || (unit !== null && PRESERVED_UNITS.has(unit))) return 'Pantry';
  if (/ frozen /.test(key)) return 'Frozen';
  const category = byWords(key);
  if (category === 'Produce' && / (dried|dry) /.test(key)) return 'Pantry';
  return category;
}

function byWords(key: string): Category {
  let best: { category: Category; score: number } = { category: 'Other', score: 0 };
  for (const [category, words] of CATEGORY_WORDS) {
    for (const word of words) {
      const at = Math.max(key.lastIndexOf(` ${word} `), key.lastIndexOf(` ${word}s `));
      if (at < 0) continue;
      const endsName = key.endsWith(` ${word} `) || key.endsWith(` ${word}s `);
      const score = (endsName ? 1000 : 0) + word.length;
      if (score > best.score) best = { category, score };
    }
  }
  return best.category;
}
