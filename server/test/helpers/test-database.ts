import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { Client } from 'pg'
import { migrateToLatest } from '../../src/db/migrate'
import type { DatabaseTarget } from '../../src/db/open'
import { openPostgres } from '../../src/db/postgres/pool'

/**
 * Which database the server tests run on: SQLite files (the `server` jest
 * project) or PostgreSQL (`server-pg`, which sets the global `huzhuTestDatabase`
 * and reaches a cluster through HUZHU_TEST_DATABASE_URL: see `test/pg/project.js`).
 */
export type TestDatabaseKind = 'sqlite' | 'postgres'

export function testDatabaseKind(): TestDatabaseKind {
  return (globalThis as { huzhuTestDatabase?: string }).huzhuTestDatabase === 'postgres' ? 'postgres' : 'sqlite'
}

export interface TestDatabase {
  target: DatabaseTarget
  /** Removes it (PostgreSQL: drops the database; a SQLite file goes with its data folder). */
  drop(): Promise<void>
}

/**
 * The environment that points a server process (or loadConfig) at it: DATABASE_URL, blank for SQLite
 * (so that a DATABASE_URL in the developer's shell never reaches a SQLite test's server).
 */
export function databaseEnv(target: DatabaseTarget): Record<string, string> {
  return { DATABASE_URL: target.kind === 'postgres' ? target.url : '' }
}

function adminUrl(): string {
  const url = process.env.HUZHU_TEST_DATABASE_URL
  if (!url) throw new Error('server-pg tests need HUZHU_TEST_DATABASE_URL (bash scripts/pg/throwaway.sh start prints one)')
  return url
}

/** The same server and credentials, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** This jest run's id (set by the jest config): every database it makes carries it, and its teardown drops them. */
function runId(): string {
  const run = process.env.HUZHU_TEST_PG_RUN
  if (!run || !/^[a-z0-9]+$/.test(run)) throw new Error('HUZHU_TEST_PG_RUN is not set: run the PostgreSQL tests through jest\'s server-pg project')
  return run
}

let template: Promise<string> | undefined

/**
 * The run's template: a database migrated once (by the first test that needs
 * it, under an advisory lock, whichever jest worker that is) and closed to
 * connections, so that every test app gets a copy of it by CREATE DATABASE …
 * TEMPLATE instead of running every migration again.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `huzhu_tpl_${runId()}`
    await withAdmin(async (admin) => {
      await admin.query('select pg_advisory_lock(hashtext($1))', [name])
      try {
        const found = await admin.query('select 1 from pg_database where datname = $1', [name])
        if (found.rowCount === 0) {
          await admin.query(`create database ${name} template template0 encoding 'UTF8' locale 'C'`)
          const database = await openPostgres(databaseUrl(name), { poolSize: 1, readPoolSize: 1 })
          try {
            await migrateToLatest(database.db)
          } finally {
            await database.close()
          }
          await admin.query(`alter database ${name} with allow_connections false`)
        }
      } finally {
        await admin.query('select pg_advisory_unlock(hashtext($1))', [name])
      }
    })
    return name
  })()
  template.catch(() => (template = undefined))
  return template
}

/**
 * A fresh, migrated database for one test app: a new SQLite file in its data
 * folder, or a new PostgreSQL database copied from the run's template.
 */
export async function createTestDatabase(dataDir: string): Promise<TestDatabase> {
  if (testDatabaseKind() === 'sqlite') return { target: { kind: 'sqlite', file: join(dataDir, 'huzhu.sqlite') }, drop: async () => {} }
  const source = await migratedTemplate()
  const name = `huzhu_t_${runId()}_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) => admin.query(`create database ${name} template ${source}`))
  let dropped = false
  return {
    target: { kind: 'postgres', url: databaseUrl(name), poolSize: 10 },
    async drop() {
      if (dropped) return
      dropped = true
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`))
    },
  }
}
