// Checks a form as it is filled in, before anything is sent. A field's problem (from the form's
// rules) shows once the field has been left, or its step submitted, and goes as soon as it is fixed;
// the API's refusal of a field (`FormErrors`) shows until that field is edited. Fields are found by
// their control's `name`, which is the field's key (`address.city`).
import type { FormErrors } from './form-errors.svelte.js';

export type Problems<F extends string> = Partial<Record<F, string | null>>;

export class FormChecks<F extends string> {
  #touched = $state<Partial<Record<F, boolean>>>({});
  #rules: () => Problems<F>;
  #problems = $derived.by(() => this.#rules());

  constructor(
    readonly errors: FormErrors<F>,
    rules: () => Problems<F>,
  ) {
    this.#rules = rules;
  }

  /** What `Field`'s `error` takes: the API's refusal, else the field's problem once it was left. */
  at = (field: F): string | null =>
    this.errors.at(field) ?? (this.#touched[field] ? (this.#problems[field] ?? null) : null);

  /** Shows every problem among `fields`; true when they have none (the step may go on). */
  validate(fields: readonly F[]): boolean {
    this.#touched = { ...this.#touched, ...Object.fromEntries(fields.map((f) => [f, true])) };
    return fields.every((field) => !this.#problems[field]);
  }

  /** Forgets what was left: a form opened afresh. */
  reset() {
    this.#touched = {};
    this.errors.clear();
  }

  /** Spread on the element around the fields: leaving a field checks it, editing it drops the API's refusal. */
  readonly listeners = {
    onfocusout: (event: FocusEvent) => {
      const field = nameOf(event);
      if (field) this.#touched = { ...this.#touched, [field]: true };
    },
    oninput: (event: Event) => this.#edited(event),
    onchange: (event: Event) => this.#edited(event),
  };

  #edited(event: Event) {
    const field = nameOf(event);
    if (field) this.errors.forget(field as F);
  }
}

const nameOf = (event: Event) => (event.target as HTMLElement | null)?.getAttribute('name') ?? null;
