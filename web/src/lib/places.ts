// The country and time-zone pickers' options: the lists the API validates against
// (`@switchyard/shared/places`), with the names people type.
import { countryCodes, countryName, isIanaTimeZone, timeZones } from '@switchyard/shared/places';

export interface Option {
  value: string;
  label: string;
}

/** Lower case, without accents, underscores as spaces: how typed text and labels are compared. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('_', ' ').trim().toLowerCase();
}

let countries: Option[] | undefined;
export function countryOptions(): Option[] {
  countries ??= countryCodes()
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return countries;
}

/** The code of the country typed, by its name or its code ("Germany", "germany", "DE"); '' for none. */
export function resolveCountry(text: string): string {
  const typed = searchable(text);
  if (!typed) return '';
  const option = countryOptions().find((o) => searchable(o.label) === typed || searchable(o.value) === typed);
  return option?.value ?? '';
}

export const countryLabel = (code: string) => (code ? countryName(code) : '');

let zones: Option[] | undefined;
export function timeZoneOptions(): Option[] {
  zones ??= timeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
  return zones;
}

/** The IANA name of the zone typed ("europe/berlin", "America/New York"), or an alias the API accepts; '' for none. */
export function resolveTimeZone(text: string): string {
  const typed = searchable(text);
  if (!typed) return '';
  const option = timeZoneOptions().find((o) => searchable(o.value) === typed);
  if (option) return option.value;
  return isIanaTimeZone(text.trim()) ? text.trim() : '';
}

export const timeZoneLabel = (zone: string) => zone.replaceAll('_', ' ');
