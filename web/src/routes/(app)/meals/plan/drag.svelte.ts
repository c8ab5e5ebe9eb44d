// Dragging on the meal plan: a recipe from the shelf onto a slot (copies it there), or an entry to
// another slot (moves it). The shelf and the grid share one of these.
import type { MealPlanEntryFieldsFragment } from '$lib/graphql/generated/graphql.js';

export type Dragged =
  { kind: 'recipe'; recipeId: string; title: string } | { kind: 'entry'; entry: MealPlanEntryFieldsFragment };

const MIME = 'application/x-switchyard-meal';

/** What an entry is called: its recipe, its note, or "Entry". */
export const entryTitle = (entry: MealPlanEntryFieldsFragment) => entry.recipe?.title ?? entry.note ?? 'Entry';

export class PlanDrag {
  item = $state<Dragged | null>(null);
  /** The key (`<date>-<slot>`) of the slot under the pointer. */
  target = $state<string | null>(null);

  start(event: DragEvent, item: Dragged) {
    this.item = item;
    if (!event.dataTransfer) return;
    event.dataTransfer.effectAllowed = item.kind === 'recipe' ? 'copy' : 'move';
    event.dataTransfer.setData(MIME, item.kind === 'recipe' ? item.recipeId : item.entry.id);
    event.dataTransfer.setData('text/plain', item.kind === 'recipe' ? item.title : entryTitle(item.entry));
  }

  end() {
    this.item = null;
    this.target = null;
  }

  /** Over a slot: a drop is allowed there (the pointer shows copy or move). */
  over(event: DragEvent, key: string) {
    if (!this.item) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.item.kind === 'recipe' ? 'copy' : 'move';
    this.target = key;
  }

  leave(key: string) {
    if (this.target === key) this.target = null;
  }

  /** The dropped item, and the drag is over. */
  drop(event: DragEvent): Dragged | null {
    event.preventDefault();
    const item = this.item;
    this.end();
    return item;
  }
}
