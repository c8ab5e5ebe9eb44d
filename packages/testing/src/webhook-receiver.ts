import { createServer, type IncomingMessage } from 'node:http';
import { listen } from './listen.ts';

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

/** A webhook receiver answering with `statuses` in turn (then 200), keeping every request. */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  const url = `${await listen(server)}/hook`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}
