import { readSupergraph, subgraphUrlsOf, subgraphsOf } from './supergraph.ts';

const foreign = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum join__Graph {
  ACCOUNTS @join__graph(name: "accounts", url: "http://127.0.0.1:4101/graphql")
  PRODUCT_CATALOG @join__graph(name: "product-catalog", url: "")
}
type Query { me: String }
`;

describe('the subgraphs of a supergraph', () => {
  it("lists the checked-in supergraph's five subgraphs at their default local URLs", () => {
    expect(subgraphsOf(readSupergraph())).toEqual(
      ['hardware', 'identity', 'meals', 'observability', 'stores'].map((name) => ({
        name,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:400\d\/graphql$/),
      })),
    );
  });

  it('takes each URL from @join__graph unless <NAME>_URL overrides it, and names the variable when one is missing or wrong', () => {
    const catalog = 'http://catalog.internal:8080/graphql';
    expect(subgraphUrlsOf(foreign, { PRODUCT_CATALOG_URL: catalog })).toEqual({
      accounts: 'http://127.0.0.1:4101/graphql',
      'product-catalog': catalog,
    });
    expect(
      subgraphUrlsOf(foreign, { ACCOUNTS_URL: 'http://elsewhere:1/graphql', PRODUCT_CATALOG_URL: catalog }),
    ).toMatchObject({ accounts: 'http://elsewhere:1/graphql' });
    expect(() => subgraphUrlsOf(foreign, {})).toThrow(/product-catalog.*set PRODUCT_CATALOG_URL/);
    expect(() => subgraphUrlsOf(foreign, { PRODUCT_CATALOG_URL: 'ftp://x' })).toThrow(
      'PRODUCT_CATALOG_URL must be an http(s) URL',
    );
  });

  it('refuses a schema that is not a supergraph', () => {
    expect(() => subgraphsOf('type Query { a: Int }')).toThrow(/no join__Graph enum/);
  });
});
