import type { Logger } from '@switchyard/shared';
import { renderMail, type MailContent, type Mailer } from '@switchyard/shared/mail';

export type AccountMailer = ReturnType<typeof createAccountMailer>;

/**
 * Identity's mail goes out after the answer: a slow or failing mail server neither delays the
 * response nor, by its timing, tells a caller whether an account exists. A failed send is logged
 * (without the link); asking again sends a new link.
 */
export function createAccountMailer(mailer: Mailer, logger: Logger) {
  const inFlight = new Set<Promise<void>>();
  function track(work: Promise<void>, failure: string, facts: object) {
    const tracked: Promise<void> = work
      .catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error), ...facts }, failure);
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  return {
    send(to: string, content: MailContent): void {
      track(mailer.send(renderMail(to, content)), 'mail not sent', { subject: content.subject });
    },

    /**
     * Work done after the answer, whatever its outcome: what a request does only when an account
     * exists must not show in the time the answer takes.
     */
    defer(what: string, work: () => Promise<void>): void {
      track(Promise.resolve().then(work), `${what} failed`, {});
    },

    /** Resolves once every mail and deferred work handed over so far has ended (shutdown, tests). */
    async settled(): Promise<void> {
      await Promise.all([...inFlight]);
    },
  };
}
