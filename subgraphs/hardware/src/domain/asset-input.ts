import { z } from 'zod';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const kind = z.enum(['POS_TERMINAL', 'ROUTER', 'SWITCH', 'ACCESS_POINT', 'CAMERA', 'PRINTER', 'HUB', 'OTHER']);
// Serial numbers are compared as vendors print them, minus surrounding blanks and letter case.
const serialNumber = text(100)
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._/-]*$/, 'use letters, digits and . _ / -'));

export const notesSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .nullish()
  .transform((n) => n || null);

export const createAssetSchema = z.object({
  kind,
  serialNumber,
  model: text(100),
  vendor: text(100),
  notes: notesSchema,
});

/** Absent fields stay as they are; empty notes clear them. */
export const updateAssetSchema = z.object({
  kind: kind.nullish().transform((k) => k ?? undefined),
  serialNumber: serialNumber.nullish().transform((s) => s ?? undefined),
  model: text(100)
    .nullish()
    .transform((m) => m ?? undefined),
  vendor: text(100)
    .nullish()
    .transform((v) => v ?? undefined),
  notes: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .nullish()
    .transform((n) => (n === undefined ? undefined : n || null)),
});

export const storeIdSchema = z.string().trim().min(1, 'must not be empty').max(100);
