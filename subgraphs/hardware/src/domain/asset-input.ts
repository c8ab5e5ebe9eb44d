import { z } from 'zod';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const createAssetSchema = z.object({
  kind: z.enum(['POS_TERMINAL', 'ROUTER', 'SWITCH', 'ACCESS_POINT', 'CAMERA', 'PRINTER', 'HUB', 'OTHER']),
  // Serial numbers are compared as vendors print them, minus surrounding blanks and letter case.
  serialNumber: text(100)
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._/-]*$/, 'use letters, digits and . _ / -')),
  model: text(100),
  vendor: text(100),
  notes: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((n) => n || null),
});

export const storeIdSchema = z.string().trim().min(1, 'must not be empty').max(100);
export const notesSchema = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((n) => n || null);
