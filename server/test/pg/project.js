/**
 * The jest project `server-pg`: the server's tests again, on PostgreSQL. Each test app
 * gets a database of its own, copied from one migrated template per run
 * (`test/helpers/test-database.ts`); the run's databases are dropped at the end
 * (`global-teardown.js`).
 *
 * The cluster is the one HUZHU_TEST_DATABASE_URL reaches (a URL whose user may
 * create databases, e.g. `bash scripts/pg/throwaway.sh start`). Without one the
 * project is left out with a message, unless HUZHU_TEST_PG_REQUIRED=1 (CI sets it):
 * then a missing or unreachable PostgreSQL fails the run.
 */
const { randomBytes } = require('node:crypto')
const { Client } = require('pg')

/** Tests that are about SQLite itself, and stay in the `server` project only. */
const sqliteOnly = [
  // kysely's dialect for better-sqlite3: its pragmas, statement cache and read pool on worker threads.
  '<rootDir>/src/db/sqlite/',
  // Each opens a SQLite file, migrates it to the step before a migration, writes rows as they were then, and
  // checks what the migration made of them (the writable_schema edit, a table rebuild). PostgreSQL starts
  // from an empty schema here; its migrations run in every server-pg test app.
  '<rootDir>/src/features/identity/identity-migration.test.ts',
  '<rootDir>/src/features/claim-payments/payee-migration.test.ts',
  '<rootDir>/src/features/notifications/renewals-migration.test.ts',
  '<rootDir>/src/features/bank-statements/payment-codes-migration.test.ts',
  '<rootDir>/src/features/calendar/calendar-migration.test.ts',
  // Memory of the server process parsing spreadsheet bombs: the database plays no part, so once is enough.
  '<rootDir>/src/xlsx/xlsx-server.test.ts',
]

async function reachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query('select 1')
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

/** The project's config, or undefined (with a message) when no PostgreSQL is there and none is required. */
async function postgresProject(serverDir) {
  const url = process.env.HUZHU_TEST_DATABASE_URL
  const required = process.env.HUZHU_TEST_PG_REQUIRED === '1'
  const problem = url ? await reachable(url) : 'HUZHU_TEST_DATABASE_URL is not set'
  if (problem !== undefined) {
    const message = `server-pg (the server tests on PostgreSQL): ${problem}. `
      + 'Start a throwaway cluster with `eval "$(bash scripts/pg/throwaway.sh start)"` and run again.'
    if (required) throw new Error(`${message} HUZHU_TEST_PG_REQUIRED=1: PostgreSQL is required.`)
    process.stderr.write(`${message} Skipped.\n`)
    return undefined
  }
  // Every database this run makes is named with it; the workers inherit it from this process.
  process.env.HUZHU_TEST_PG_RUN ||= `r${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  const server = require(`${serverDir}/jest.config.js`)
  return {
    ...server,
    rootDir: serverDir,
    displayName: 'server-pg',
    testPathIgnorePatterns: ['/node_modules/', ...sqliteOnly],
    globals: { huzhuTestDatabase: 'postgres' },
    globalTeardown: `${serverDir}/test/pg/global-teardown.js`,
  }
}

module.exports = { postgresProject, sqliteOnly }
