import { formatStoreCode, storeCodeNumber } from './store-code.ts';

test('store codes round-trip and pad to four digits', () => {
  expect(formatStoreCode(42)).toBe('ST-0042');
  expect(formatStoreCode(12345)).toBe('ST-12345');
  expect(storeCodeNumber('st-0042')).toBe(42);
  expect(storeCodeNumber('ST-12345')).toBe(12345);
  expect(storeCodeNumber('ST-42')).toBeNull();
  expect(storeCodeNumber('XX-0042')).toBeNull();
});
