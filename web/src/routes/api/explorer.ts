// GraphiQL, mounted by +page.svelte into a plain element: a React island, loaded only on /api.
// Everything it needs (Monaco's workers, its CSS with its fonts as data: URLs, which the CSP's
// font-src allows) is bundled by Vite and served from this origin. Queries and mutations go to this
// app's /graphql, subscriptions to the gateway's graphql-ws endpoint that the web server carries on
// the same origin.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { connectionParams, withCredentials } from './credentials.ts';

type Fetcher = GraphiQLProps['fetcher'];
type Params = Parameters<Fetcher>[0];

export interface ExplorerOptions {
  /** The signed-in session's current access token (refreshed first when it is about to expire), or null. */
  accessToken(): Promise<string | null>;
  /** The graphql-ws endpoint, e.g. ws://this-host/graphql. */
  wsUrl: string;
}

const DEFAULT_QUERY = `# Ctrl-Enter runs this. Signed in, it runs
# as you; otherwise paste your API key in
# Headers below: {"x-api-key": "<key>"}
{
  me {
    email
  }
}
`;

export function mountExplorer(element: HTMLElement, options: ExplorerOptions): () => void {
  const root = createRoot(element);
  root.render(
    createElement(GraphiQL, {
      fetcher: createFetcher(options),
      defaultQuery: DEFAULT_QUERY,
      // Headers can hold an API key: keep them out of localStorage.
      shouldPersistHeaders: false,
    }),
  );
  const tabs = keepTabsAccessible(element);
  return () => {
    tabs.disconnect();
    root.unmount();
  };
}

/**
 * GraphiQL renders each tab as `<li role="tab">` holding two buttons (the tab and its close
 * button): a tab with interactive content, which screen readers cannot announce properly (axe's
 * nested-interactive). The tab role and its selected state move to the tab's own button; the
 * `<li>` becomes presentational, so the tablist's tabs are the buttons. Re-applied whenever React
 * renders the tabs again.
 */
function keepTabsAccessible(element: HTMLElement): MutationObserver {
  const fix = () => {
    for (const item of element.querySelectorAll<HTMLElement>('li.graphiql-tab[role="tab"]')) {
      const button = item.querySelector<HTMLElement>('.graphiql-tab-button');
      if (!button) continue;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', item.getAttribute('aria-selected') ?? 'false');
      item.setAttribute('role', 'presentation');
      item.removeAttribute('aria-selected');
    }
  };
  const observer = new MutationObserver(fix);
  observer.observe(element, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['role', 'aria-selected'],
  });
  fix();
  return observer;
}

function createFetcher({ accessToken, wsUrl }: ExplorerOptions): Fetcher {
  return async (params, opts) => {
    const headers = withCredentials(opts?.headers, await accessToken());
    if (isSubscription(params)) return subscribe(wsUrl, params, headers);
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}

/** One graphql-ws connection per subscription, with that request's credential as its connection parameters. */
async function* subscribe(wsUrl: string, params: Params, headers: Record<string, string>) {
  const client = createClient({
    url: wsUrl,
    connectionParams: connectionParams(headers),
    lazy: true,
    retryAttempts: 0,
  });
  try {
    yield* client.iterate({ ...params, operationName: params.operationName ?? undefined });
  } finally {
    await client.dispose();
  }
}

function isSubscription({ query, operationName }: Params): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // A syntax error: the gateway's answer over HTTP says where.
  }
}
