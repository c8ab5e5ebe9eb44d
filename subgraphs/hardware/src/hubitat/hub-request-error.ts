/**
 * Why a call to a hub failed, for the resilience layer and the hub service to act on. It never
 * reaches a client: the hub service maps it to the shared GraphQL errors, and its message never
 * contains the access token (URLs are redacted before they are put into one).
 */
export type HubFailure =
  | 'connection' // refused, reset, unknown host: nothing answered
  | 'timeout'
  | 'server' // 5xx
  | 'circuit-open'
  | 'unauthorized' // 401: wrong or revoked token
  | 'not-found' // 404: unknown device or app id
  | 'bad-response'; // not the Maker API's JSON

export class HubRequestError extends Error {
  constructor(
    readonly failure: HubFailure,
    message: string,
    /** The socket error code for connection failures, e.g. ECONNREFUSED. */
    readonly errno: string | null = null,
  ) {
    super(message);
    this.name = 'HubRequestError';
  }

  /** Failures that say the hub is not reachable right now (and count against its circuit breaker). */
  get transient(): boolean {
    return (
      this.failure === 'connection' ||
      this.failure === 'timeout' ||
      this.failure === 'server' ||
      this.failure === 'circuit-open'
    );
  }
}

/** Replaces the access_token query parameter's value, wherever a URL is about to be logged or shown. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&#\s]*/gi, '$1REDACTED');
}

/**
 * Whether a command that failed so may still have been carried out: the hub may have acted and
 * its answer been lost (a timeout, a 5xx, a dropped connection). Not when nothing was sent (an
 * open breaker, a refused connection) or the hub said no (401, 404).
 */
export function mayHaveReachedHub(error: HubRequestError): boolean {
  if (error.failure === 'connection') return error.errno !== 'ECONNREFUSED';
  return error.failure === 'timeout' || error.failure === 'server' || error.failure === 'bad-response';
}
