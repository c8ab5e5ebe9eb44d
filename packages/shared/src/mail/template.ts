import type { MailMessage } from './mailer.ts';

/** What a transactional mail says; `renderMail` lays it out as HTML with a plain-text alternative. */
export interface MailContent {
  subject: string;
  paragraphs: string[];
  /** The one thing to do (a link with a token): a button in HTML, the bare URL on its own line in text. */
  action?: { label: string; url: string };
  /** Set in small type below the action, e.g. "If you did not ask for this, ignore this email." */
  footnote?: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Both parts of a transactional mail from one content, so the two never say different things.
 * Everything interpolated into the HTML is escaped (a display name is user input).
 */
export function renderMail(to: string, content: MailContent): MailMessage {
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...(content.footnote ? [content.footnote] : []),
  ].join('\n\n');
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#2563eb;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="font-size:13px;color:#555">Or open this link: <a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px">',
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    button,
    content.footnote ? `<p style="font-size:13px;color:#555">${escapeHtml(content.footnote)}</p>` : '',
    '</body></html>',
  ].join('\n');
  return { to, subject: content.subject, text: `${text}\n`, html };
}
