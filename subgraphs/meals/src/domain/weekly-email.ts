import { escapeUTF8 } from 'entities';
import { weekDays } from './dates.ts';
import { shoppingLabel } from './display-units.ts';
import type { MealSlot, MeasurementSystem } from './types.ts';

export interface WeeklyEmailContent {
  householdName: string;
  weekStart: string;
  recipientName: string;
  /** The household's units, as its shopping list page shows them. */
  units: MeasurementSystem;
  meals: { date: string; slot: MealSlot; title: string; servings: number; note: string | null }[];
  items: { food: string; quantity: number | null; unit: string | null; category: string; checked: boolean }[];
}

const SLOT_ORDER: MealSlot[] = ['BREAKFAST', 'LUNCH', 'DINNER', 'SNACK'];
const dayName = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
const slotName = (slot: MealSlot) => slot.charAt(0) + slot.slice(1).toLowerCase();

/** The weekly email: the plan day by day, then what is still to buy by aisle, as text and HTML. */
export function renderWeeklyEmail(content: WeeklyEmailContent): { subject: string; text: string; html: string } {
  const days = weekDays(content.weekStart).map((date) => ({
    date,
    meals: content.meals
      .filter((meal) => meal.date === date)
      .sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot)),
  }));
  const toBuy = content.items.filter((item) => !item.checked);
  const aisles = [...new Set(toBuy.map((item) => item.category))].map((category) => ({
    category,
    items: toBuy.filter((item) => item.category === category),
  }));
  const mealLine = (meal: WeeklyEmailContent['meals'][number]) =>
    `${slotName(meal.slot)}: ${meal.title} (${meal.servings} servings)${meal.note ? ` - ${meal.note}` : ''}`;
  const itemLine = (item: WeeklyEmailContent['items'][number]) => shoppingLabel(item, content.units);

  const text = [
    `Hello ${content.recipientName},`,
    '',
    `Here is the plan for ${content.householdName}, week of ${content.weekStart}.`,
    '',
    ...days.flatMap(({ date, meals }) => [
      dayName(date),
      ...(meals.length ? meals.map((meal) => `  ${mealLine(meal)}`) : ['  nothing planned']),
    ]),
    '',
    'Shopping list',
    ...(aisles.length
      ? aisles.flatMap(({ category, items }) => [`  ${category}`, ...items.map((item) => `    - ${itemLine(item)}`)])
      : ['  nothing to buy']),
    '',
  ].join('\n');

  const e = escapeUTF8;
  const html = [
    `<p>Hello ${e(content.recipientName)},</p>`,
    `<p>Here is the plan for <strong>${e(content.householdName)}</strong>, week of ${e(content.weekStart)}.</p>`,
    ...days.map(
      ({ date, meals }) =>
        `<h3>${e(dayName(date))}</h3><ul>${meals.length ? meals.map((meal) => `<li>${e(mealLine(meal))}</li>`).join('') : '<li>nothing planned</li>'}</ul>`,
    ),
    '<h2>Shopping list</h2>',
    ...aisles.map(
      ({ category, items }) =>
        `<h3>${e(category)}</h3><ul>${items.map((item) => `<li>${e(itemLine(item))}</li>`).join('')}</ul>`,
    ),
  ].join('\n');

  return { subject: `Meal plan for the week of ${content.weekStart} - ${content.householdName}`, text, html };
}
