import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import PostalMime from 'postal-mime';

export interface OutboxMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  file: string;
}

/**
 * The .eml files a service wrote instead of sending (no SMTP_URL), parsed, oldest first. A missing
 * directory is an empty outbox.
 */
export async function readMailOutbox(dir: string): Promise<OutboxMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map(async (name) => {
        const email = await PostalMime.parse(await readFile(path.join(dir, name)));
        return {
          to: (email.to ?? []).map((address) => address.address ?? ''),
          subject: email.subject ?? '',
          text: email.text ?? '',
          html: email.html ?? '',
          file: name,
        };
      }),
  );
  return mails;
}

/** The token of the first link to `pathname` in a mail's text (`…/reset-password?token=lk_…`). */
export function linkToken(text: string, pathname: string): string | null {
  const match = new RegExp(`https?://\\S+${pathname.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  return match ? decodeURIComponent(match[1]!) : null;
}
