/** Every service-to-service route lives under this prefix (the hub's webhook aside, which is public). */
export const INTERNAL_PATH_PREFIX = '/internal/';

export function isInternalPath(path: string): boolean {
  return path.startsWith(INTERNAL_PATH_PREFIX);
}
