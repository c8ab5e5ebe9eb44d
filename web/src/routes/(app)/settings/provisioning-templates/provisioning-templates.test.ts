import { describe, expect, it } from '@jest/globals';
import { keyFrom, moved, stepsInput, draftStep } from './provisioning-templates.ts';

describe('provisioning template editor', () => {
  it('derives an accepted key from a title', () => {
    expect(keyFrom('POS tested!')).toBe('pos-tested');
    expect(keyFrom('  Café -- Wi-Fi  ')).toBe('cafe-wi-fi');
    expect(keyFrom('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
    expect(keyFrom('***')).toBe('');
  });

  it('moves a step up or down, not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('sends keys trimmed, titles as typed (the API trims them) and the required flag', () => {
    const step = { ...draftStep(), key: ' site-survey ', title: 'Site survey', required: false };
    expect(stepsInput([step])).toEqual([{ key: 'site-survey', title: 'Site survey', required: false }]);
  });
});
