/**
 * `npm run backup -w @huzhu/server -- --to /var/backups/huzhu-2026-11-28.sqlite`
 * (or `node dist/backup.mjs --to …` in a production build)
 *
 * An online backup of the SQLite database of HUZHU_DATA_DIR while the server runs: one
 * consistent copy (SQLite's `VACUUM INTO`, a read transaction, so writers go on), written
 * to a new file that must not exist yet. Restore: stop the server, put the copy in place
 * as `${HUZHU_DATA_DIR}/huzhu.sqlite`, start it with the same HUZHU_DATA_KEY (docs/deploy.md).
 * Photos and rosters are files beside it (or objects in a bucket) and are backed up as files.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { ConfigError, loadConfig } from '../config'
import { openDatabase } from '../db/open'

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' } }, strict: true })
  if (values.to === undefined || values.to === '') {
    process.stderr.write('usage: npm run backup -w @huzhu/server -- --to /path/to/new-file.sqlite\n')
    return 2
  }
  const target = resolve(values.to)
  if (existsSync(target)) {
    process.stderr.write(`backup: ${target} exists already; give a new file name\n`)
    return 2
  }
  const { config, warnings } = loadConfig(process.env)
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`)
  if (config.database.kind !== 'sqlite') {
    process.stderr.write('backup: DATABASE_URL names a PostgreSQL database; back it up with pg_dump (docs/deploy.md)\n')
    return 2
  }
  if (!existsSync(config.databaseFile)) {
    process.stderr.write(`backup: no database at ${config.databaseFile} (HUZHU_DATA_DIR)\n`)
    return 2
  }
  mkdirSync(dirname(target), { recursive: true })
  const database = await openDatabase(config.databaseFile, { readPoolSize: 1 })
  try {
    await sql`vacuum into ${target}`.execute(database.db)
  } finally {
    await database.close()
  }
  process.stdout.write(`backup written: ${target} (${statSync(target).size} bytes)\n`)
  return 0
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`backup failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
