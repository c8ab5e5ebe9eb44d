import { isExclusionViolation } from './database-errors.ts';

const prismaError = (code: string, message: string) => ({
  code: 'P2039',
  meta: { driverAdapterError: { cause: { kind: 'postgres', code, message } } },
});

test('recognizes the exclusion violation of one constraint only', () => {
  const violation = prismaError(
    '23P01',
    'conflicting key value violates exclusion constraint "Store_subnet_no_overlap"',
  );
  expect(isExclusionViolation(violation, 'Store_subnet_no_overlap')).toBe(true);
  expect(isExclusionViolation(violation, 'Other')).toBe(false);
  expect(
    isExclusionViolation(prismaError('23505', 'duplicate key "Store_subnet_no_overlap"'), 'Store_subnet_no_overlap'),
  ).toBe(false);
  expect(isExclusionViolation(new Error('boom'), 'Store_subnet_no_overlap')).toBe(false);
  expect(isExclusionViolation(null, 'Store_subnet_no_overlap')).toBe(false);
});
