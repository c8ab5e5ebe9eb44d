import { countryCodes, countryName, isCountryCode, isIanaTimeZone, timeZones } from './places.ts';

describe('places', () => {
  it('knows IANA zones, including links such as UTC', () => {
    for (const zone of ['UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Asia/Kolkata'])
      expect(isIanaTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Berlin', 'Europe/Atlantis', 'Mars/Olympus', 'GMT+01:00'])
      expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('offers only zones it accepts, UTC first', () => {
    const zones = timeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones.filter((zone) => !isIanaTimeZone(zone))).toEqual([]);
  });

  it('knows country codes in capitals and names them', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('de')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(countryCodes()).toContain('GE');
    expect(countryCodes().every(isCountryCode)).toBe(true);
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('GE')).toBe('Georgia');
  });
});
