/**
 * One jest run for every workspace; each workspace has its own jest.config.js.
 * `npm test` runs these, then builds the app and runs the end-to-end project.
 *
 * `server-pg` runs the server's tests again on PostgreSQL (server/test/pg/project.js):
 * with HUZHU_TEST_DATABASE_URL reaching a cluster; left out with a message otherwise,
 * unless HUZHU_TEST_PG_REQUIRED=1 (CI), when that is a failure.
 */
const { postgresProject } = require('./server/test/pg/project')

module.exports = async () => {
  const serverPg = await postgresProject(`${__dirname}/server`)
  return {
    // A global option (a project's own is ignored when run from here): see jest.preset.js for why 30 s.
    testTimeout: 30_000,
    projects: ['<rootDir>/shared', '<rootDir>/server', ...(serverPg ? [serverPg] : []), '<rootDir>/miniapp', '<rootDir>/scripts'],
  }
}
