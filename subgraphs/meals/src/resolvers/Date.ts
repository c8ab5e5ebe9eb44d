import { GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '../domain/dates.ts';

/** Calendar days as `YYYY-MM-DD` strings, checked on the way in. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day without time zone, as YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw new TypeError('Date must be a calendar day as YYYY-MM-DD');
  return value;
}
