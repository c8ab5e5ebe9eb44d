// The signed-in session in the browser. The access token lives only in this module's memory; the
// refresh token is an httpOnly cookie that only the SvelteKit server (/auth/*) reads.
import type { AuthPayloadFieldsFragment, Role, SessionUserFragment } from './graphql/generated/graphql.js';

export type SessionUser = SessionUserFragment;
/** What /login and /auth/refresh hand to the browser: the payload without the refresh token. */
export type BrowserSession = Omit<AuthPayloadFieldsFragment, 'refreshToken'>;

const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh the API could not answer, try again this soon. */
const RETRY_REFRESH_MS = 5_000;

class Session {
  user = $state<SessionUser | null>(null);
  /** Why the last session ended, shown on the login page. */
  endedBecause = $state<string | null>(null);
  /** REQUIRE_2FA_FOR_ADMINS holds this admin back until they enrol (the app sends them to /two-factor/setup). */
  twoFactorEnrolmentRequired = $state(false);
  /** The last refresh found the API unavailable (the session itself may be fine). */
  unavailable = $state(false);
  #accessToken: string | null = null;
  #expiresAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<boolean> | null = null;
  #signOutListeners = new Set<(deliberate: boolean) => void>();
  #tokenListeners = new Set<(accessToken: string) => void>();

  get accessToken(): string | null {
    return this.#accessToken;
  }

  /** True when the role includes `role` (ADMIN > OPERATOR > VIEWER). */
  can(role: Role): boolean {
    return this.user !== null && RANK[this.user.role] >= RANK[role];
  }

  expiresSoon(): boolean {
    return this.#accessToken === null || Date.now() > this.#expiresAt - 10_000;
  }

  set(payload: BrowserSession) {
    this.#accessToken = payload.accessToken;
    this.#expiresAt = Date.parse(payload.expiresAt);
    this.user = payload.user;
    this.twoFactorEnrolmentRequired = payload.twoFactorEnrolmentRequired;
    this.endedBecause = null;
    const lifetime = this.#expiresAt - Date.now();
    this.#refreshIn(Math.max(5_000, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 4)));
    for (const listener of this.#tokenListeners) listener(payload.accessToken);
  }

  /** A session for this page: the one in memory, or a new one from the refresh cookie. */
  async restore(): Promise<boolean> {
    if (this.#accessToken && !this.expiresSoon()) return true;
    return this.refresh();
  }

  /**
   * Exchanges the refresh cookie for a new access token. One refresh at a time per page, and across
   * tabs through a Web Lock: two tabs spending the same refresh token would look like token theft,
   * and the API would revoke the whole session.
   */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refreshLocked().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  async #refreshLocked(): Promise<boolean> {
    const run = async () => {
      const response = await fetch('/auth/refresh', { method: 'POST', headers: { accept: 'application/json' } }).catch(
        () => null,
      );
      if (response?.status === 401) {
        const { ended } = (await response.json().catch(() => ({}))) as { ended?: boolean };
        this.#end(ended ? 'Your session has ended. Please sign in again.' : null, false);
        return false;
      }
      // Offline, or the API unavailable (503) or busy (429): the session may well be good, and
      // signing out would lose it. Keep what we have and try again shortly.
      this.unavailable = !response?.ok;
      if (!response?.ok) {
        this.#refreshIn(RETRY_REFRESH_MS);
        return this.#accessToken !== null;
      }
      this.set((await response.json()) as BrowserSession);
      return true;
    };
    return typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request('switchyard-session-refresh', run)
      : run();
  }

  /** Signs out here and ends the session on the server. */
  async signOut(): Promise<void> {
    const token = this.#accessToken;
    await fetch('/auth/logout', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(
      () => null,
    );
    this.#end(null, true);
  }

  /**
   * Forgets the session in this page only (it ended elsewhere, or by signing out everywhere:
   * `deliberate`, so the next sign-in starts afresh).
   */
  end(reason: string, { deliberate = false } = {}) {
    this.#end(reason, deliberate);
  }

  /** Called with every new access token (sign-in and each refresh). */
  onAccessToken(listener: (accessToken: string) => void): () => void {
    this.#tokenListeners.add(listener);
    return () => this.#tokenListeners.delete(listener);
  }

  /** `deliberate`: this person pressed Sign out (not an expiry or a revocation). */
  onSignOut(listener: (deliberate: boolean) => void): () => void {
    this.#signOutListeners.add(listener);
    return () => this.#signOutListeners.delete(listener);
  }

  #refreshIn(delayMs: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), delayMs);
  }

  #end(reason: string | null, deliberate: boolean) {
    const wasSignedIn = this.user !== null;
    clearTimeout(this.#timer);
    this.#accessToken = null;
    this.#expiresAt = 0;
    this.user = null;
    this.endedBecause = reason;
    if (wasSignedIn) for (const listener of this.#signOutListeners) listener(deliberate);
  }
}

export const session = new Session();
