import { renderMail } from './template.ts';

describe('renderMail', () => {
  const message = renderMail('ana@example.test', {
    subject: 'Reset your password',
    paragraphs: ['Hello <Ana> & co,', 'Someone asked to reset the password.'],
    action: { label: 'Choose a new password', url: 'https://shop.example/reset-password?token=a&b' },
    footnote: 'Ignore this email if it was not you.',
  });

  it('says the same in text and HTML, the link on its own line in text', () => {
    expect(message.to).toBe('ana@example.test');
    expect(message.subject).toBe('Reset your password');
    expect(message.text).toContain('Hello <Ana> & co,');
    expect(message.text).toContain('Choose a new password:\nhttps://shop.example/reset-password?token=a&b\n');
    expect(message.text).toContain('Ignore this email if it was not you.');
    expect(message.html).toContain('href="https://shop.example/reset-password?token=a&amp;b"');
    expect(message.html).toContain('Ignore this email if it was not you.');
  });

  it('escapes what it interpolates into HTML', () => {
    expect(message.html).toContain('Hello &lt;Ana&gt; &amp; co,');
    expect(message.html).not.toContain('<Ana>');
  });

  it('has no action section without an action', () => {
    const plain = renderMail('a@example.test', { subject: 'Changed', paragraphs: ['Your password was changed.'] });
    expect(plain.text).toBe('Your password was changed.\n');
    expect(plain.html).not.toContain('<a ');
  });
});
