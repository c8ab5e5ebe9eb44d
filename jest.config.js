// Every workspace's tests: unit tests (*.test.ts next to code), integration tests (test/*.int.test.ts
// on a real database) and end-to-end tests (gateway/test/e2e, real processes). `npm test` runs the
// first two in parallel, then the end-to-end suites one at a time: each starts several processes,
// and two at once on a small machine starve each other.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }];

export default {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['<rootDir>/{packages,prisma,gateway,subgraphs}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/generated/'],
  maxWorkers: 2,
  testTimeout: 180_000,
};
