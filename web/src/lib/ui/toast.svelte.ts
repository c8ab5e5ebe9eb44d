// Toasts say how a mutation went when nothing else on the page shows it: "Rule deleted", "Hub
// synced", or why it was refused. A form's own refusal stays at the form (FormErrors). Successes
// go away after a while (not while pointed at or focused); errors stay until dismissed.
import type { CombinedError } from '@urql/core';
import { errorMessage } from '$lib/graphql/errors.js';

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  text: string;
}

const SUCCESS_MS = 8_000;
/** Older toasts give way beyond this many. */
const MAX_SHOWN = 4;

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  success(text: string) {
    const id = this.#add('success', text);
    this.#expire(id);
  }

  error(text: string) {
    this.#add('error', text);
  }

  /**
   * A mutation's outcome: the API's reason (after `prefix`) when it was refused, `success` when it
   * went through (none when the page shows the change itself). Returns whether it went through.
   */
  result(result: { error?: CombinedError }, success?: string, prefix = ''): boolean {
    if (result.error) this.error(`${prefix}${errorMessage(result.error)}`);
    else if (success) this.success(success);
    return !result.error;
  }

  dismiss(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.items = this.items.filter((t) => t.id !== id);
  }

  /** Pointed at or focused: a success stays while someone reads it. */
  hold(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  release(id: number) {
    if (this.items.some((t) => t.id === id && t.kind === 'success')) this.#expire(id);
  }

  #add(kind: Toast['kind'], text: string): number {
    const id = this.#next++;
    // The same text again replaces the earlier toast; past MAX_SHOWN the oldest give way.
    for (const earlier of this.items.filter((t) => t.text === text)) this.dismiss(earlier.id);
    this.items = [...this.items, { id, kind, text }];
    while (this.items.length > MAX_SHOWN) this.dismiss(this.items[0]!.id);
    return id;
  }

  #expire(id: number) {
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), SUCCESS_MS),
    );
  }
}

export const toast = new Toasts();
