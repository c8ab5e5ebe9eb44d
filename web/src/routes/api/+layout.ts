import { session } from '$lib/session.svelte.js';
import type { LayoutLoad } from './$types';

// Open to everyone: integrators without an account read the reference and use the explorer with an
// API key. A signed-in user's session is picked up (from the refresh cookie) so the explorer runs as them.
export const load: LayoutLoad = async () => {
  const wasSignedIn = session.user !== null;
  if (!(await session.restore().catch(() => false)) && !wasSignedIn) session.endedBecause = null;
};
