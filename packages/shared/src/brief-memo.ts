/**
 * Shares one load among the callers asking for the same key within `ttlMs`. For subscription
 * events: a thousand subscribers of one event need the entity once, and a few seconds later the
 * answer is stale anyway.
 */
export function memoizeBriefly<T>(load: (key: string) => Promise<T>, ttlMs = 2_000): (key: string) => Promise<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (entries.size > 1_000) for (const [k, entry] of entries) if (entry.expires <= now) entries.delete(k);
    const value = load(key);
    entries.set(key, { value, expires: now + ttlMs });
    value.catch(() => entries.delete(key));
    return value;
  };
}
