/**
 * Where a store can be: the countries and time zones the API accepts. The stores subgraph validates
 * with these functions and the web's pickers offer the same lists, so a value the form accepts is
 * one the API accepts. Browser-safe: no Node modules.
 */
import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2 codes (DE, US), capitals only. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** Every country code the API accepts, in code order. */
export function countryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes()).sort();
}

/** A country's English name ("Germany" for DE); the code itself where the runtime knows no name. */
export function countryName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** IANA names only (Europe/Berlin, America/Argentina/Buenos_Aires, UTC), as the runtime's time zone database knows them. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The time zones to offer: the runtime's canonical IANA names and UTC (which the list leaves out).
 * `isIanaTimeZone` also accepts their older aliases (Asia/Calcutta), so stores saved with one stay valid.
 */
export function timeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
