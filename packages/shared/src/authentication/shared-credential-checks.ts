import type { Principal } from '../principal.ts';
import type { Authenticator, CredentialRequest } from './authenticate.ts';

/**
 * Identical credential checks in flight at the same moment share one answer from identity: a
 * client opening a thousand event streams (or sending a thousand requests) with one token costs
 * one check per round trip, not a thousand. Nothing is kept here once the answer arrives (the
 * authenticator's own cache is for when identity does not answer), so a revocation still takes
 * effect on the next check that starts after it.
 */
export function shareCredentialChecks(authenticate: Authenticator): Authenticator {
  const inflight = new Map<string, Promise<Principal | null>>();
  return (request) => {
    const key = credentialKey(request);
    let shared = inflight.get(key);
    if (!shared) {
      shared = authenticate(request).finally(() => inflight.delete(key));
      inflight.set(key, shared);
    }
    return shared;
  };
}

/** Two requests with the same key present the same credential. */
export function credentialKey(credential: CredentialRequest): string {
  return `${credential.authorization ?? ''}\n${credential.apiKey ?? ''}`;
}
