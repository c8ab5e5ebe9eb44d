// `node --import tsx infra/local/bundle-service.ts <service>`: builds that one service's bundle if its
// sources changed and prints its path, for a start that runs compiled JavaScript (see the gateway's
// `npm start`) rather than transpiling TypeScript in the serving process.
import { stop } from 'esbuild';
import { bundleOneService } from './src/bundle.ts';
import { service } from './src/services.ts';

try {
  console.log(await bundleOneService(service(process.argv[2] ?? '')));
} finally {
  await stop();
}
