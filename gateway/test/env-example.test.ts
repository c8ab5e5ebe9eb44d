import { readFileSync } from 'node:fs';
import { SERVICES, launcherEnv } from '@switchyard/launcher';
import { SUBGRAPHS } from '@switchyard/shared';
import type { ZodObject } from 'zod';
import { hivePluginEnv } from '../../packages/hive-gateway-plugin/src/config.ts';
import { webEnv } from '../../web/server/config.ts';
import { gatewayEnv } from '../src/config.ts';
import { REPO_ROOT } from '@switchyard/testing';

/** Every variable a service, the web server, the launcher or the Hive Gateway plugin reads is in .env.example, and nothing there is read by no one. */
describe('.env.example', () => {
  it('lists exactly the variables the services read', async () => {
    const documented = new Set(
      [...readFileSync(`${REPO_ROOT}.env.example`, 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map(
        (match) => match[1]!,
      ),
    );
    const read = new Set([
      ...Object.keys(gatewayEnv.shape),
      ...Object.keys(hivePluginEnv.shape),
      ...Object.keys(webEnv.shape),
      ...Object.keys(launcherEnv.shape),
      ...SERVICES.map(({ portVariable }) => portVariable),
    ]);
    for (const { name } of SUBGRAPHS) {
      const module = (await import(`${REPO_ROOT}subgraphs/${name}/src/config.ts`)) as Record<string, unknown>;
      const schema = Object.entries(module).find(([key]) => key === `${name}Env`)?.[1] as ZodObject | undefined;
      if (!schema)
        throw new Error(`subgraphs/${name}/src/config.ts must export ${name}Env, the z.object of its variables`);
      for (const key of Object.keys(schema.shape)) read.add(key);
    }
    expect([...read].filter((key) => !documented.has(key)).sort()).toEqual([]);
    expect([...documented].filter((key) => !read.has(key)).sort()).toEqual([]);
  });
});
