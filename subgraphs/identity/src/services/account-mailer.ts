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
  return {
    send(to: string, content: MailContent): void {
      const sending: Promise<void> = mailer
        .send(renderMail(to, content))
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          logger.warn({ err: reason, subject: content.subject }, 'mail not sent');
        })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },

    /** Resolves once every mail handed over so far was sent or failed (shutdown, tests). */
    async settled(): Promise<void> {
      await Promise.all([...inFlight]);
    },
  };
}
