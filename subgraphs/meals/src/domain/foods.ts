/**
 * Food names as the shopping list compares them, and the shop aisle each belongs to.
 */

/** Lower-case, single spaces, naive English singular: "Tomatoes" and "tomato" are one food. */
export function foodKey(food: string): string {
  return food
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word, index, words) => (index === words.length - 1 ? singular(word) : word))
    .join(' ');
}

function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(oes|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
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

export function categoryOf(food: string): Category {
  const key = ` ${foodKey(food)} `;
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
