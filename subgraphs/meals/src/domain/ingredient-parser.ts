import { UNIT_ALIASES, findUnit } from './units.ts';

export interface ParsedIngredient {
  /** Null when the line names no amount ("salt to taste"). A range ("2-3") keeps its upper bound: enough to buy. */
  quantity: number | null;
  unit: string | null;
  food: string;
  note: string | null;
  raw: string;
}

const UNICODE_FRACTIONS: Record<string, string> = {
  '½': '1/2',
  '⅓': '1/3',
  '⅔': '2/3',
  '¼': '1/4',
  '¾': '3/4',
  '⅕': '1/5',
  '⅖': '2/5',
  '⅗': '3/5',
  '⅘': '4/5',
  '⅙': '1/6',
  '⅚': '5/6',
  '⅛': '1/8',
  '⅜': '3/8',
  '⅝': '5/8',
  '⅞': '7/8',
};

const NUMBER = String.raw`(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)?|\.\d+)`;
const QUANTITY = new RegExp(String.raw`^(${NUMBER})(?:\s*(?:-|to|or)\s*(${NUMBER}))?(?=[\s.a-zA-Z(]|$)\s*`);
/** "a pinch of salt", "an onion": the article is a quantity of one. */
const ARTICLE = /^(?:a|an)\s+/i;
const TRAILING_NOTE = /[\s,]*\b(to taste|as needed|optional|for garnish|for serving|for frying|to serve)\b\.?$/i;
const ESCAPED_ALIASES = UNIT_ALIASES.map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** A unit directly after the amount ("500g", "2 cups"), ending at a space, a parenthesis or the end. */
const UNIT = new RegExp(`^(${ESCAPED_ALIASES.join('|')})(?=[\\s(,]|$)\\s*`, 'i');

/** Turns one free-text ingredient line into quantity, unit, food and note, keeping the line as written. */
export function parseIngredient(raw: string): ParsedIngredient {
  const notes: string[] = [];
  let text = normalize(raw).replace(/\(([^)]*)\)/g, (_match, inner: string) => {
    if (inner.trim()) notes.push(inner.trim());
    return ' ';
  });
  // The first comma that is not a decimal comma ("1,5 kg") starts the note.
  const comma = text.search(/,(?!\d)|(?<!\d),/);
  if (comma >= 0) {
    notes.push(text.slice(comma + 1).trim());
    text = text.slice(0, comma);
  }
  text = text.replace(/\s+/g, ' ').trim();
  const trailing = TRAILING_NOTE.exec(text);
  if (trailing) {
    notes.unshift(trailing[1]!.toLowerCase());
    text = text.slice(0, trailing.index).trim();
  }

  let quantity: number | null = null;
  const amount = QUANTITY.exec(text);
  if (amount) {
    quantity = toNumber(amount[2] ?? amount[1]!);
    text = text.slice(amount[0].length);
  } else if (ARTICLE.test(text) && UNIT.test(text.replace(ARTICLE, ''))) {
    quantity = 1;
    text = text.replace(ARTICLE, '');
  }

  let unit: string | null = null;
  const unitMatch = quantity !== null ? UNIT.exec(text) : null;
  // "2 T" is tablespoons and "2 t" teaspoons: the unit table decides with the original case.
  if (unitMatch) {
    unit = findUnit(unitMatch[1]!);
    text = text.slice(unitMatch[0].length);
  }
  const food = text
    .replace(/^of\s+/i, '')
    .replace(/[\s.;:]+$/, '')
    .trim();
  const note = notes.filter(Boolean).join(', ') || null;
  // A line that is all note ("(optional)") still needs a food: fall back to the words as written.
  return { quantity, unit, food: food || normalize(raw), note: food ? note : null, raw };
}

function normalize(line: string): string {
  return line
    .replace(/[\u2044\u2215]/g, '/')
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(
      /(\d?)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])/g,
      (_match, digit: string, fraction: string) => `${digit ? `${digit} ` : ''}${UNICODE_FRACTIONS[fraction]}`,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function toNumber(text: string): number {
  const parts = text.replace(',', '.').split(/\s+/);
  return parts.reduce((sum, part) => {
    const [numerator, denominator] = part.split('/');
    return sum + (denominator ? Number(numerator) / Number(denominator) : Number(numerator));
  }, 0);
}
