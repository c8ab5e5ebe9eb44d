/** Store codes are `ST-` and a number from a database sequence, zero-padded to four digits (ST-0042, ST-12345). */
export function formatStoreCode(number: number): string {
  return `ST-${String(number).padStart(4, '0')}`;
}

export function storeCodeNumber(code: string): number | null {
  const match = /^ST-(\d{4,})$/.exec(code.trim().toUpperCase());
  return match ? Number(match[1]) : null;
}
