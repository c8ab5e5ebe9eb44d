// Three projects with their own timeouts:
// - unit: `*.test.ts` next to the code under src/ (the web's plain TypeScript too), and the Kubernetes manifests
//   and GitHub workflows checked offline (infra/k8s/test, infra/ci), no database, no network beyond loopback fakes;
// - integration: `test/*.test.ts` of each workspace, each file on its own fresh database, and the Compose file
//   and the image's Dockerfile checked offline (infra/compose/test, infra/docker/test);
// - e2e: gateway/test/e2e, real processes talking HTTP and websockets through the gateway, and
//   infra/local/test, `npm start` itself driven as a user would (browser included). `npm test` runs
//   them one file at a time: each starts several processes, and two at once on a small machine starve each other.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  extensionsToTreatAsEsm: ['.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/generated/'],
  setupFilesAfterEnv: ['<rootDir>/infra/jest/timeout.js'],
};

export default {
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{packages,prisma,gateway,subgraphs,infra/local,web}/**/src/**/*.test.ts',
        '<rootDir>/web/server/**/*.test.ts',
        // The Kubernetes manifests, rendered and checked offline (no cluster).
        '<rootDir>/infra/k8s/test/**/*.test.ts',
        // The GitHub workflows, checked offline against their schema and .ci/run.
        '<rootDir>/infra/ci/**/*.test.ts',
      ],
      // The web's `$lib/…` imports (SvelteKit's alias), for its plain TypeScript under test.
      moduleNameMapper: { '^\\$lib/(.*)\\.js$': '<rootDir>/web/src/lib/$1.ts' },
      globals: { TEST_TIMEOUT_MS: 15_000 },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{packages,prisma,gateway,subgraphs}/**/test/**/*.test.ts',
        '<rootDir>/infra/{compose,docker}/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/gateway/test/e2e/', '\\.e2e\\.test\\.ts$'],
      globals: { TEST_TIMEOUT_MS: 60_000 },
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/gateway/test/e2e/**/*.test.ts',
        '<rootDir>/{infra/local,infra/compose}/test/**/*.e2e.test.ts',
        // Hive Gateway in front of the subgraphs, with the gateway's authentication as its plugin.
        '<rootDir>/packages/hive-gateway-plugin/test/**/*.e2e.test.ts',
      ],
      globals: { TEST_TIMEOUT_MS: 180_000 },
    },
  ],
};
