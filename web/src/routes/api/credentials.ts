// Which credential an explorer request carries. An integrator pastes `x-api-key` or
// `Authorization` into GraphiQL's headers editor; that wins, so one can try a key while signed
// in. Otherwise the signed-in session's access token goes along, as with the rest of the app.

/** The pasted headers, plus the session's bearer token when none of them is a credential. */
export function withCredentials(pasted: Record<string, unknown> | undefined, accessToken: string | null) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(pasted ?? {})) if (value != null) headers[name] = String(value);
  if (hasCredential(headers) || !accessToken) return headers;
  return { ...headers, authorization: `Bearer ${accessToken}` };
}

/** graphql-ws connection parameters for the same credential: the gateway reads `authorization` or `apiKey`. */
export function connectionParams(headers: Record<string, string>): { authorization?: string; apiKey?: string } {
  const authorization = header(headers, 'authorization');
  const apiKey = header(headers, 'x-api-key');
  return { ...(authorization ? { authorization } : {}), ...(apiKey ? { apiKey } : {}) };
}

function hasCredential(headers: Record<string, string>): boolean {
  return header(headers, 'authorization') !== undefined || header(headers, 'x-api-key') !== undefined;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
