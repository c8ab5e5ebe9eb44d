import { throwCodeError } from '$lib/graphql/errors.js';

// Any address no page answers: a 404 inside the signed-in layout (SvelteKit's own 404 for an
// unknown address renders only the root layout, without the app's navigation).
export const load = () => throwCodeError('NOT_FOUND', 'There is no page at this address.');
