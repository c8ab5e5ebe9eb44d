// The UI renders in the browser: the access token lives in its memory only, so the server has no
// credentials to render signed-in pages with. Server routes (/login action, /auth/*, /graphql) still run.
export const ssr = false;
