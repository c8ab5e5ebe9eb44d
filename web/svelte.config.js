import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    // Form actions are same-origin by default; keep Kit's CSRF check on.
    // Kit puts a nonce (pages it renders) or a hash (prerendered ones) on each of its own scripts,
    // so no inline script runs without one. Styles stay 'unsafe-inline': Svelte sets style
    // attributes (transitions, app.html's wrapper), and a style cannot run code.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        // GraphiQL's stylesheet (/api) embeds its fonts as data: URLs; a font cannot run code.
        'font-src': ['self', 'data:'],
        // The API, its websocket and event stream are on this origin (web/server proxies them);
        // hooks.server.ts adds PUBLIC_GATEWAY_WS_URL's origin when that points elsewhere.
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
  compilerOptions: { runes: true },
};
