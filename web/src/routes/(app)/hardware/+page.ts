import { redirect } from '@sveltejs/kit';

/** The hardware section has one page so far: the asset inventory. */
export const load = () => redirect(307, '/hardware/assets');
