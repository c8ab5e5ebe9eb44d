// What a form shows when the API refuses it: each error that names one of its fields next to that
// field (through `Field`), anything else as one message for the whole form.
import type { CombinedError } from '@urql/core';
import { tick } from 'svelte';
import { errorMessage, fieldErrors } from '$lib/graphql/errors.js';

export class FormErrors<F extends string = string> {
  fields = $state<Partial<Record<F, string>>>({});
  message = $state('');

  /** The message for one field, or null: what `Field`'s `error` takes. */
  at(field: F): string | null {
    return this.fields[field] ?? null;
  }

  /** Everything refused, in one line: for a form of one field, to which every refusal belongs. */
  get summary(): string | null {
    return Object.values<string | undefined>(this.fields).find(Boolean) ?? (this.message || null);
  }

  clear() {
    this.fields = {};
    this.message = '';
  }

  /** Drops a field's refusal once it is edited: the API refused the value it had then. */
  forget(field: F) {
    if (!(field in this.fields)) return;
    const fields = { ...this.fields };
    delete fields[field];
    this.fields = fields;
  }

  /** A refusal found before asking the API (e.g. two passwords that differ), at its field. */
  set(field: F, message: string) {
    this.fields = { [field]: message } as Partial<Record<F, string>>;
    this.message = '';
  }

  /**
   * Places a failed mutation's errors: at `fields` where the API names one of them (the first
   * message per field), otherwise as the form's message. Returns whether any landed at a field.
   */
  show(error: CombinedError | undefined, fields: readonly F[]): boolean {
    const placed: Partial<Record<F, string>> = {};
    for (const { field, message } of fieldErrors(error)) {
      if ((fields as readonly string[]).includes(field)) placed[field as F] ??= message;
    }
    this.fields = placed;
    const atField = Object.keys(placed).length > 0;
    this.message = atField ? '' : errorMessage(error);
    return atField;
  }
}

/** Moves focus to the first field marked invalid in `container`, once the page shows the marks. */
export async function focusFirstInvalid(container: HTMLElement | undefined | null): Promise<void> {
  await tick();
  container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
