// Changes to the meal plan, each said in a toast; `busy` while one is under way, so the controls wait.
import type { AnyVariables, Client, CombinedError, DocumentInput, OperationResult } from '@urql/core';
import { errorMessage } from '$lib/graphql/errors.js';
import type { MealPlanEntryFieldsFragment, MealSlot } from '$lib/graphql/generated/graphql.js';
import { toast } from '$lib/ui/toast.svelte.js';
import { slotName } from '../format.js';
import { entryTitle, type Dragged } from './drag.svelte.js';
import { RemoveMealPlanEntryMutation, SetMealPlanEntryMutation } from './plan.js';

export interface EntryFields {
  recipeId: string | null;
  servings?: number | null;
  note?: string | null;
}

export class PlanEditor {
  busy = $state(false);
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  /** Runs one mutation of the plan page (busy meanwhile). */
  async run<Data, Variables extends AnyVariables>(
    mutation: DocumentInput<Data, Variables>,
    variables: Variables,
  ): Promise<OperationResult<Data, Variables>> {
    this.busy = true;
    try {
      return await this.#client.mutation(mutation, variables).toPromise();
    } finally {
      this.busy = false;
    }
  }

  /** Plans `fields` in a slot and says so; a refusal is returned for the caller to show. */
  async set(date: string, slot: MealSlot, fields: EntryFields, label: string): Promise<CombinedError | undefined> {
    const input = {
      date,
      slot,
      recipeId: fields.recipeId,
      servings: fields.servings ?? null,
      note: fields.note || null,
    };
    const result = await this.run(SetMealPlanEntryMutation, { input });
    if (!result.error) toast.success(`${label} planned for ${slotName(date, slot)}.`);
    return result.error;
  }

  async remove(entry: MealPlanEntryFieldsFragment, { announce = true } = {}): Promise<boolean> {
    const result = await this.run(RemoveMealPlanEntryMutation, { id: entry.id });
    const removed = `Removed ${entry.recipe?.title ?? entry.note ?? 'the entry'} from ${slotName(entry.date, entry.slot)}.`;
    return toast.result(result, announce ? removed : undefined);
  }

  /** A recipe dropped on a slot is planned there; an entry dropped on another slot moves to it. */
  async place(item: Dragged, date: string, slot: MealSlot) {
    if (item.kind === 'recipe') {
      const refused = await this.set(date, slot, { recipeId: item.recipeId }, item.title);
      if (refused) toast.error(errorMessage(refused));
      return;
    }
    const { entry } = item;
    if (entry.date === date && entry.slot === slot) return;
    const fields = { recipeId: entry.recipe?.id ?? null, servings: entry.servings, note: entry.note };
    const refused = await this.set(date, slot, fields, entryTitle(entry));
    if (refused) toast.error(errorMessage(refused));
    else await this.remove(entry, { announce: false });
  }
}
