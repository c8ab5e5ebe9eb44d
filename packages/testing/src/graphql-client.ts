export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** A plain HTTP GraphQL client, as a third party would use the API. */
export async function graphql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    throw new Error(`non-JSON response (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The `extensions.code` of every error in a response (tests assert codes, not messages). */
export function codesOf(response: Pick<GraphQLResponse, 'errors'>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

/** The `extensions.code` of a response's first error; undefined when it has none. */
export function codeOf(response: Pick<GraphQLResponse, 'errors'>): string | undefined {
  return codesOf(response)[0];
}
