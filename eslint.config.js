/**
 * The linter in `npm test` (`npm run lint`): ESLint's and typescript-eslint's recommended rules
 * (syntax-only: no type-aware rules, `tsc` already checks the types) over the code of every
 * workspace and its tests, and React's rules of hooks in the mini-app.
 *
 * A rule that is wrong for one line is turned off for that line only, with the reason:
 * `// eslint-disable-next-line rule-name -- why`.
 */
const js = require('@eslint/js')
const { defineConfig, globalIgnores } = require('eslint/config')
const globals = require('globals')
const reactHooks = require('eslint-plugin-react-hooks')
const tseslint = require('typescript-eslint')

const code = (dir) => [`${dir}/**/*.ts`, `${dir}/**/*.tsx`, `${dir}/**/*.js`, `${dir}/**/*.mjs`, `${dir}/**/*.cjs`]

module.exports = defineConfig([
  globalIgnores(['**/node_modules/', '**/dist/', '**/.swc/', '**/coverage/', 'data/', '.e2e/', 'scripts/e2e/screenshots/']),
  {
    files: ['shared/src', 'shared/test', 'server/src', 'server/test', 'miniapp/src', 'miniapp/test', 'scripts'].flatMap(code),
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` says "deliberately unused" (a parameter a signature requires, a value destructured away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // One API contract (shared/src/api/contract): the app and the scripts build every server path with
    // `pathOf(endpoints.<area>.<operationId>, …)` or call `call(endpoints.…)`, never write one by hand.
    files: ['miniapp/src', 'scripts'].flatMap(code),
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'Literal[value=/\\/api\\/v1/]', message: 'Use the shared API contract: pathOf(endpoints.<area>.<operationId>) or call(endpoints.…), not an /api/v1 path.' },
        { selector: 'TemplateElement[value.raw=/\\/api\\/v1/]', message: 'Use the shared API contract: pathOf(endpoints.<area>.<operationId>) or call(endpoints.…), not an /api/v1 path.' },
      ],
    },
  },
  {
    // CommonJS: jest's configuration files (and the server-pg project's, which the root jest config loads).
    files: ['scripts/**/*.js', 'server/test/pg/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A migration is a frozen snapshot: it must not import today's table types, so it takes `Kysely<any>` (kysely's advice).
    files: ['server/src/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}', 'miniapp/test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
])
