// One lint configuration for the whole tree: typescript-eslint's recommended rules for TypeScript,
// eslint-plugin-svelte's for components. Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_CODE = { group: ['**/test/**'], message: 'fakes and fixtures are for tests only' };
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/generated/',
      'web/.svelte-kit/',
      'web/build/',
      '.data/',
      '.data-*/',
      'test-results/',
      'web/test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, destructured leftovers).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{ts,js}'],
    // A `let` that a shutdown callback reads before it is assigned must stay a `let`.
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    // Production code never reaches into test folders: fakes and fixtures are for tests only.
    files: ['subgraphs/*/src/**/*.ts', 'gateway/src/**/*.ts', 'packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrictImports(TEST_CODE),
  },
  {
    // Imports inside a subgraph run one way: resolvers and routes (src/routes, what it serves) ->
    // services and clients (src/clients, what it calls) -> repository interfaces -> domain.
    // Rules (src/domain) are plain functions that know nothing around them.
    files: ['subgraphs/*/src/domain/**/*.ts'],
    rules: restrictImports(TEST_CODE, {
      group: ['../*', '!../domain/*', '**/generated/**', '@switchyard/prisma'],
      message: 'domain/ holds rules: no context, data, services, clients or Prisma',
    }),
  },
  {
    // Services and jobs depend on the repository interfaces, never on Prisma or on how the request context is built.
    files: ['subgraphs/*/src/services/**/*.ts', 'subgraphs/*/src/jobs/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrictImports(TEST_CODE, {
      group: [
        '../context.ts',
        '../data/*',
        '!../data/repositories.ts',
        '../routes/*',
        '**/generated/**',
        '@switchyard/prisma',
      ],
      message:
        'services and jobs depend on data/repositories.ts, not on Prisma, its repositories, the context or the routes served',
    }),
  },
  {
    // Tests read untyped JSON responses and assert their shape; typing each one adds nothing.
    files: ['**/*.test.ts', '**/test/**', '**/tests/**', 'packages/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The app is served at the origin's root (no `paths.base`), so plain root-relative links are right.
      'svelte/no-navigation-without-resolve': 'off',
      // It flags Maps and Sets built as locals inside `$derived`, which are values, not state.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // `{' · '}` keeps a separator's spaces where Prettier wraps the text around it.
      'svelte/no-useless-mustaches': 'off',
    },
  },
);
