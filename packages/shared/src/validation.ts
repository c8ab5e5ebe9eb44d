import { z } from 'zod';
import { BadUserInputError } from './errors.ts';

/** Validates resolver input with zod; the first problem becomes BAD_USER_INPUT naming the field (e.g. `input.email`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, fieldPrefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new BadUserInputError(path || 'input', path ? `${path}: ${issue.message}` : issue.message);
}

/**
 * A filter's free text (a search box, a room name): bounded, so a request cannot make a database
 * scan compare megabytes per row. Search boxes need far less than 100 characters.
 */
export const FILTER_TEXT_MAX = 100;
export const filterText = () =>
  z.string().trim().max(FILTER_TEXT_MAX, `must be at most ${FILTER_TEXT_MAX} characters`).nullish();
