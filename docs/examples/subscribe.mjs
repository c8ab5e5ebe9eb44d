// Follows store changes over graphql-ws and prints each as one JSON line; resumes after the last
// event it saw when the connection drops. Needs `npm install graphql-ws ws` (Node 20 or later).
//   SWITCHYARD_URL=http://127.0.0.1:4000/graphql SWITCHYARD_API_KEY=sk_… node subscribe.mjs [how many]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const query = 'subscription { storeChanged { kind version store { code name status } } }';
const limit = Number(process.argv[2] ?? Infinity);

const client = createClient({
  url: process.env.SWITCHYARD_URL.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { apiKey: process.env.SWITCHYARD_API_KEY },
  // Reconnecting is done below, so that the subscription resumes from its cursor.
  retryAttempts: 0,
});

let cursor;
let received = 0;
while (received < limit) {
  try {
    // With a cursor, the subscription starts right after that event: nothing missed, nothing twice.
    for await (const result of client.iterate({ query, extensions: cursor ? { cursor } : {} })) {
      if (result.errors) console.error(JSON.stringify(result.errors));
      if (result.extensions?.cursor) cursor = result.extensions.cursor;
      if (result.data) console.log(JSON.stringify(result.data.storeChanged));
      if (++received >= limit) break;
    }
  } catch (error) {
    // 4401: the key was revoked; 4403: its scopes changed. Anything else is worth another try.
    if (error?.code === 4401 || error?.code === 4403)
      throw new Error(`closed: ${error.code} ${error.reason}`, { cause: error });
    console.error('connection lost, resuming in a second');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
await client.dispose();
