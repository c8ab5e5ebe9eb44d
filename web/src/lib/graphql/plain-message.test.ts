import { describe, expect, it } from '@jest/globals';
import { atField, fieldName, plainMessage } from './plain-message.ts';

describe('plain messages', () => {
  it.each([
    ['input.name: Too small: expected string to have >=1 characters', 'must not be empty'],
    ['Too big: expected string to have <=120 characters', 'must be at most 120 characters'],
    ['input.type: Invalid option: expected one of "STANDARD"|"KIOSK"', 'must be one of the choices offered'],
    ['input.network.vlanId: must be between 1 and 4094', 'must be between 1 and 4094'],
    ['Invalid input: expected int, received number', 'must be a whole number'],
    ['Step is already done', 'Step is already done'],
  ])('%s → %s', (message, plain) => {
    expect(plainMessage(message)).toBe(plain);
  });

  it('reads as a sentence at its field', () => {
    expect(atField('currentPassword: is not your current password')).toBe('This is not your current password');
    expect(atField('input.timezone: must be an IANA time zone such as Europe/Berlin')).toBe(
      'Must be an IANA time zone such as Europe/Berlin',
    );
    expect(atField('input.name: Too small: expected string to have >=1 characters')).toBe('Must not be empty');
  });

  it('names a field in words', () => {
    expect(fieldName('input.timezone')).toBe('Time zone');
    expect(fieldName('input.address.postalCode')).toBe('Postal code');
    expect(fieldName('input.network.dhcpRange.start')).toBe('DHCP range start');
    expect(fieldName('input.network.vlanId')).toBe('VLAN ID');
    expect(fieldName('currentPassword')).toBe('Current password');
    expect(fieldName('input.steps.2')).toBe('Steps');
  });
});
