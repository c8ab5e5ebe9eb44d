// Display helpers for the meals pages: amounts the way a cook writes them, minutes, plan dates.
import type { MealSlot, Role } from '$lib/graphql/generated/graphql.js';
import { formatQuantity, unitName } from '@switchyard/shared/quantity-text';
import { session } from '$lib/session.svelte.js';

export { formatQuantity };

/**
 * The meals role rule, as the schema's `@authz` states it: every member of a household plans its
 * meals and keeps its shopping lists, whatever their role (VIEWER and up); creating a household and
 * writing recipes (new, edit, delete, import) takes an OPERATOR. Kept in one place so the controls
 * follow the API.
 */
export const PLAN_ROLE: Role = 'VIEWER';
export const RECIPE_WRITE_ROLE: Role = 'OPERATOR';
export const canPlanMeals = () => session.can(PLAN_ROLE);
export const canEditRecipes = () => session.can(RECIPE_WRITE_ROLE);

/** The amount of an ingredient or shopping item: "1½ cups", "400 g", "2", or "" without one. */
export function formatAmount(quantity: number | null | undefined, unit: string | null | undefined): string {
  if (quantity == null) return unit ?? '';
  const shown = formatQuantity(quantity, unit ?? null);
  if (!unit) return shown;
  return `${shown} ${unitName(unit, quantity)}`;
}

export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes == null) return '—';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

// Plan days are calendar dates (YYYY-MM-DD) without a time zone: arithmetic at UTC midnight.
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in the browser's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
}

export function formatDay(
  date: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'short' },
): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

/** A list generated from a plan is named by its week, in the reader's own date format: "Week of 30 Nov 2026". */
export function listTitle(list: { name: string; weekStart?: string | null }): string {
  // A generated list keeps its week title in the reader's date format until someone renames it.
  return list.weekStart && list.name.startsWith('Week of ')
    ? `Week of ${formatDay(list.weekStart, { day: 'numeric', month: 'short', year: 'numeric' })}`
    : list.name;
}

export const SLOTS: MealSlot[] = ['BREAKFAST', 'LUNCH', 'DINNER', 'SNACK'];
export const SLOT_LABELS: Record<MealSlot, string> = {
  BREAKFAST: 'Breakfast',
  LUNCH: 'Lunch',
  DINNER: 'Dinner',
  SNACK: 'Snack',
};

/** "Wednesday, 5 Mar dinner": a slot of the plan as the page names it. */
export const slotName = (date: string, slot: MealSlot) => `${formatDay(date)} ${SLOT_LABELS[slot].toLowerCase()}`;
