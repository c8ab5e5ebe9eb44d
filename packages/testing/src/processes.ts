import { createServer } from 'node:net';

// Services start exactly as `npm start` starts them: through the launcher's code.
export { REPO_ROOT, ServiceProcess } from '@switchyard/launcher';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
