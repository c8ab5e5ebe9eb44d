// Receives Switchyard's webhooks, verifies each one's signature and prints its type and webhook-id
// as a line. Needs `npm install standardwebhooks` (Node 20 or later).
//   WEBHOOK_SECRET=whsec_… node webhook-receiver.mjs [port]      (then POSTs to http://127.0.0.1:<port>/webhooks)
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.argv[2] ?? 8787);
const webhook = new Webhook(process.env.WEBHOOK_SECRET);
const seen = new Set(); // webhook-ids handled; a real receiver keeps them in its database

createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/webhooks') return response.writeHead(404).end();
  // The signature covers the exact bytes sent: verify the raw body, before any JSON parsing.
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  let event;
  try {
    event = webhook.verify(body, request.headers);
  } catch (error) {
    console.error(`refused: ${error.message}`);
    return response.writeHead(400).end();
  }
  const id = request.headers['webhook-id'];
  // At least once: the same delivery may come again (with the same webhook-id); handle it once.
  if (!seen.has(id)) {
    seen.add(id);
    console.log(`${event.type}\t${id}`);
  }
  // Answer 2xx quickly (within 10 s); slow work belongs in a queue of your own.
  response.writeHead(204).end();
}).listen(port, '127.0.0.1', () => console.error(`listening on http://127.0.0.1:${port}/webhooks`));
