/**
 * The resume point a client gets with every subscription event (`extensions.cursor`) and may send
 * back on a new subscribe (`extensions.cursor`) to receive what it missed, e.g. after the gateway
 * restarted. Opaque to clients: the subgraph whose outbox the event came from, its position there
 * and its id (which a resume checks, so a cursor from a reset database is refused as a gap rather
 * than resumed at the wrong place).
 */
export interface EventCursor {
  subgraph: string;
  position: string;
  id: string;
}

const MAX_LENGTH = 300;

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.subgraph, cursor.position, cursor.id])).toString('base64url');
}

/** The cursor, or null when `value` is not one this gateway gave out. */
export function decodeEventCursor(value: unknown): EventCursor | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !/^[\w-]+$/.test(value)) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string')) return null;
    const [subgraph, position, id] = parts as string[];
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(subgraph!) || !/^\d{1,19}$/.test(position!) || !/^[\w-]{1,64}$/.test(id!))
      return null;
    return { subgraph: subgraph!, position: position!, id: id! };
  } catch {
    return null;
  }
}
