// Prints every store, page by page, following the connection's cursor (Node 20 or later, no packages).
//   SWITCHYARD_URL=http://127.0.0.1:4000/graphql SWITCHYARD_API_KEY=sk_… node list-stores.mjs [page size]
const query = `query Stores($first: Int!, $after: String) {
  stores(first: $first, after: $after, orderBy: { field: CODE }) {
    totalCount
    edges { node { code name status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const first = Number(process.argv[2] ?? 50);

async function graphql(variables) {
  for (;;) {
    const response = await fetch(process.env.SWITCHYARD_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': process.env.SWITCHYARD_API_KEY },
      body: JSON.stringify({ query, variables }),
    });
    // Over the rate limit: wait as long as the gateway says, then ask again.
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after')) * 1000));
      continue;
    }
    const { data, errors } = await response.json();
    if (errors) throw new Error(errors.map((error) => `${error.extensions?.code}: ${error.message}`).join('\n'));
    return data;
  }
}

let after = null;
do {
  const { stores } = await graphql({ first, after });
  for (const { node } of stores.edges) console.log(`${node.code}\t${node.status}\t${node.name}`);
  after = stores.pageInfo.hasNextPage ? stores.pageInfo.endCursor : null;
} while (after);
