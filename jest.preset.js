/**
 * Shared jest settings for the Node workspaces (shared, server, scripts):
 * TypeScript through swc, and the ESM-only packages jest must transform.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }]
const esmPackages = ['kysely', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', '@borewit', 'image-size']

module.exports = {
  testEnvironment: 'node',
  // A test app (a migrated database and a server) starts in a second or two on an idle machine, many times that on
  // a busy two-core CI runner with the SQLite and PostgreSQL suites side by side: this catches hangs, not slowness.
  testTimeout: 30_000,
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // file-type offers Node only an `import`/`module-sync` entry, which jest's resolver does not know.
  moduleNameMapper: { '^file-type$': require('node:path').join(__dirname, 'node_modules/file-type/index.js') },
}
