import { createLogger } from '@switchyard/shared';
import type { MailMessage } from '@switchyard/shared/mail';
import { createAccountMailer } from './account-mailer.ts';

describe('account mailer', () => {
  const content = { subject: 'Hello', paragraphs: ['Hi'], action: { label: 'Open', url: 'http://x.test/a?token=t' } };

  it('hands the rendered message over without waiting, and settles once it is sent', async () => {
    const sent: MailMessage[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mail = createAccountMailer(
      {
        send: async (message) => {
          await gate;
          sent.push(message);
        },
      },
      createLogger('test', 'silent'),
    );
    mail.send('ann@example.test', content);
    expect(sent).toEqual([]);
    release();
    await mail.settled();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'ann@example.test', subject: 'Hello' });
    expect(sent[0]!.text).toContain('http://x.test/a?token=t');
    expect(sent[0]!.html).toContain('href="http://x.test/a?token=t"');
  });

  it('logs a failed send instead of failing the request that caused it', async () => {
    const warnings: unknown[] = [];
    const logger = createLogger('test', 'silent');
    logger.warn = ((...args: unknown[]) => warnings.push(args)) as typeof logger.warn;
    const mail = createAccountMailer({ send: () => Promise.reject(new Error('connection refused')) }, logger);
    mail.send('ann@example.test', content);
    await mail.settled();
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).toContain('connection refused');
    expect(JSON.stringify(warnings)).not.toContain('token=t');
  });
});
