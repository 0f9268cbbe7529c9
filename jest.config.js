/**
 * One jest run for every workspace. `npm test` runs the unit and API projects,
 * builds the app, then runs the end-to-end project (see package.json).
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }]
// ESM-only packages that jest (CommonJS) must transform.
const esmPackages = ['kysely', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', '@borewit', 'image-size']
const node = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
}

module.exports = {
  projects: [
    { ...node, displayName: 'shared', rootDir: '<rootDir>/shared', testMatch: ['<rootDir>/**/*.test.ts'] },
  ],
}
