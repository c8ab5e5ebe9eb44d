/** Whole minutes in an ISO-8601 duration as schema.org uses it ("PT1H30M", "P0DT0H45M", "PT90M"); null when unreadable. */
export function isoDurationMinutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
    value.trim(),
  );
  if (!match || value.trim().toUpperCase() === 'P' || value.trim().toUpperCase() === 'PT') return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Math.round(Number(days) * 1440 + Number(hours) * 60 + Number(minutes) + Number(seconds) / 60);
}
