import { ALLOWED_FROM, STATUS_AFTER, transitionError } from './asset-lifecycle.ts';
import { createAssetSchema } from './asset-input.ts';

describe('asset lifecycle', () => {
  it('allocates only from stock, releases only allocated assets, and takes faulty ones out of service', () => {
    expect(ALLOWED_FROM).toEqual({
      allocate: ['IN_STOCK'],
      release: ['ALLOCATED'],
      markFaulty: ['IN_STOCK', 'ALLOCATED'],
      retire: ['IN_STOCK', 'ALLOCATED', 'FAULTY'],
    });
    expect(STATUS_AFTER).toEqual({
      allocate: 'ALLOCATED',
      release: 'IN_STOCK',
      markFaulty: 'FAULTY',
      retire: 'RETIRED',
    });
  });

  it('reports a refused transition as CONFLICT saying why', () => {
    const error = transitionError('allocate', 'ALLOCATED');
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.message).toBe('Cannot allocate an asset that is allocated (it must be in stock)');
  });

  it('normalises serial numbers and refuses odd ones', () => {
    const base = { kind: 'ROUTER', model: 'MX68', vendor: 'Cisco Meraki' };
    expect(createAssetSchema.parse({ ...base, serialNumber: ' q2kn-abcd-1234 ' }).serialNumber).toBe('Q2KN-ABCD-1234');
    expect(createAssetSchema.safeParse({ ...base, serialNumber: 'has space' }).success).toBe(false);
    expect(createAssetSchema.safeParse({ ...base, kind: 'TOASTER', serialNumber: 'X1' }).success).toBe(false);
  });
});
