// The API's refusals in words people use: no input paths, no schema jargon, no enum names.

/**
 * Zod's own messages (for inputs a schema refuses without a message of its own) in plain words:
 * users never see "Too small: expected string to have >=1 characters" or a list of enum names.
 */
const SCHEMA_MESSAGES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'must not be empty'],
  [/^Too small: expected string to have >=(\d+) characters$/, ([, n]) => `must be at least ${n} characters`],
  [/^Too big: expected string to have <=(\d+) characters$/, ([, n]) => `must be at most ${n} characters`],
  [/^Too small: expected number to be >=(\S+)$/, ([, n]) => `must be at least ${n}`],
  [/^Too small: expected number to be >(\S+)$/, ([, n]) => `must be more than ${n}`],
  [/^Too big: expected number to be <=(\S+)$/, ([, n]) => `must be at most ${n}`],
  [/^Too big: expected number to be <(\S+)$/, ([, n]) => `must be less than ${n}`],
  [/^Too small: expected array to have >=(\d+) items?$/, ([, n]) => `needs at least ${n}`],
  [/^Too big: expected array to have <=(\d+) items?$/, ([, n]) => `takes at most ${n}`],
  [/^Invalid option:/, () => 'must be one of the choices offered'],
  [/^Invalid input: expected int\b/, () => 'must be a whole number'],
  [/^Invalid input: expected number\b/, () => 'must be a number'],
  [/^Invalid input: expected \w+, received undefined$/, () => 'is missing'],
  [/^Invalid email address$/, () => 'must be an email address'],
  [/^Invalid (input|string|UUID|URL|ISO)\b/, () => 'is not in the form expected'],
];

/** An API message in plain words: without the input path it repeats (`input.name: …`), zod's defaults rephrased. */
export function plainMessage(message: string): string {
  const bare = message.replace(/^[\w.[\]]+: /, '');
  for (const [pattern, plain] of SCHEMA_MESSAGES) {
    const match = pattern.exec(bare);
    if (match) return plain(match);
  }
  return bare;
}

/** Acronyms a field's name spells in capitals. */
const ACRONYMS = new Set(['dhcp', 'vlan', 'url', 'ip', 'id', 'api', 'csv']);

/**
 * A field's path as words, for a refusal shown away from its field: `input.address.postalCode` →
 * "Postal code", `input.network.dhcpRange.start` → "DHCP range start".
 */
export function fieldName(path: string): string {
  const segments = path.split('.').filter((s) => s !== 'input' && !/^\d+$/.test(s));
  const last = segments.slice(/^(start|end|min|max)$/.test(segments.at(-1) ?? '') ? -2 : -1);
  const words = last
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word === 'timezone' ? 'time zone' : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A message as it reads next to its field: a sentence. "must not be empty" → "Must not be empty",
 * "is not your current password" → "This is not your current password".
 */
export function atField(message: string): string {
  const plain = plainMessage(message);
  if (/^(is|was|has|does|needs|takes) /.test(plain)) return `This ${plain}`;
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}
