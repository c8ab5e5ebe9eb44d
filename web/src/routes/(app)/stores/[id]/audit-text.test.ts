import { describe, expect, it } from '@jest/globals';
import { auditAction, fieldLabel, fieldValue } from './audit-text.ts';

describe('store history in words', () => {
  it('shows a network plan as the store page does, not as JSON', () => {
    const plan = {
      vlanId: 12,
      subnet: '10.1.2.0/24',
      gateway: '10.1.2.1',
      dhcpRange: { start: '10.1.2.100', end: '10.1.2.200' },
    };
    expect(fieldValue('network', JSON.stringify(plan))).toBe(
      '10.1.2.0/24 · VLAN 12 · gateway 10.1.2.1 · DHCP 10.1.2.100 – 10.1.2.200',
    );
    expect(fieldValue('network', 'null')).toBe('—');
  });

  it("lists a store's networks by name, subnet and VLAN", () => {
    const networks = [
      { name: 'Tills', purpose: 'POS', vlanId: 10, subnet: '10.1.2.0/24', gateway: '10.1.2.1' },
      { name: 'Guests', purpose: 'GUEST_WIFI', vlanId: 20, subnet: '10.1.3.0/24', gateway: '10.1.3.1' },
    ];
    expect(fieldLabel('networks')).toBe('Networks');
    expect(fieldValue('networks', JSON.stringify(networks))).toBe(
      'Tills (10.1.2.0/24, VLAN 10); Guests (10.1.3.0/24, VLAN 20)',
    );
  });

  it('names fields as the forms do and shows enum values in words', () => {
    expect(fieldLabel('address.postalCode')).toBe('Postal code');
    expect(fieldLabel('timezone')).toBe('Time zone');
    expect(fieldLabel('someNewField')).toBe('Some new field');
    expect(fieldValue('status', '"PROVISIONING"')).toBe('provisioning');
    expect(fieldValue('name', '"Downtown"')).toBe('Downtown');
    expect(auditAction('STATUS_CHANGED')).toBe('Status changed');
  });

  it('never shows JSON for an object it does not know', () => {
    expect(fieldValue('extra', JSON.stringify({ a: 1, b: { c: 'x' } }))).toBe('a 1, b c x');
  });
});
