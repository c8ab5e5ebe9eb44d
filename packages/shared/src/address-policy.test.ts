import { isPublicAddress, privateTargetAllowance, resolveAllowedAddress } from './address-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'ff02::1',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700::6810:84e5',
    '2a00:1450:4001:80b::200e',
    '::ffff:93.184.215.14',
  ])('allows %s', (address) => expect(isPublicAddress(address)).toBe(true));
});

describe('privateTargetAllowance', () => {
  it('allows the hosts, addresses and networks listed, and nothing else', () => {
    const allowed = privateTargetAllowance(['192.168.1.0/24', '127.0.0.1', 'HomeAssistant.local', 'fd00::/8']);
    expect(allowed('192.168.1.20', '192.168.1.20')).toBe(true);
    expect(allowed('192.168.2.20', '192.168.2.20')).toBe(false);
    expect(allowed('localhost', '127.0.0.1')).toBe(true);
    expect(allowed('localhost', '127.0.0.2')).toBe(false);
    expect(allowed('homeassistant.local', '10.0.0.9')).toBe(true);
    expect(allowed('fd12::1', 'fd12::1')).toBe(true);
    expect(allowed('fe80::1', 'fe80::1')).toBe(false);
    expect(privateTargetAllowance([])('10.0.0.1', '10.0.0.1')).toBe(false);
    expect(privateTargetAllowance(['*'])('10.0.0.1', '10.0.0.1')).toBe(true);
  });
});

describe('resolveAllowedAddress', () => {
  it('refuses a loopback name with BAD_USER_INPUT on the field given, unless allowed', async () => {
    await expect(resolveAllowedAddress('127.0.0.1', 'input.url', () => false)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.url' },
    });
    await expect(resolveAllowedAddress('127.0.0.1', 'input.url', () => true)).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });
});
