// Asking before a change that loses something, in the app's own dialog (ConfirmHost, mounted once in
// the root layout) rather than the browser's confirm(): styled like every other dialog, read out
// with its title, and answered with a promise so the caller reads like the native call did.
export interface Confirmation {
  title: string;
  /** What happens, in a sentence or two. */
  message: string;
  /** The button that goes ahead: says what it does ("Delete rule"), never just "OK". */
  confirmLabel: string;
  /** A change that destroys or ends something: the button is styled as dangerous. */
  danger?: boolean;
}

class Confirmations {
  current = $state<(Confirmation & { answer: (yes: boolean) => void }) | null>(null);

  ask(question: Confirmation): Promise<boolean> {
    // A second question replaces an unanswered first one, which counts as declined.
    this.current?.answer(false);
    return new Promise((resolve) => {
      const answer = (yes: boolean) => {
        if (this.current?.answer === answer) this.current = null;
        resolve(yes);
      };
      this.current = { ...question, answer };
    });
  }
}

export const confirmations = new Confirmations();

/** True when the person went ahead; false when they cancelled (button, Escape). */
export const confirmAction = (question: Confirmation): Promise<boolean> => confirmations.ask(question);
