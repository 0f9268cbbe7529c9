import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { repoRoot } from './h5-build'

/**
 * PostgreSQL for the scripts (the two-node test, the benchmarks): a fresh database on the cluster that
 * HUZHU_TEST_DATABASE_URL reaches (a user who may create databases, as for the server-pg project,
 * `server/test/pg/project.js`; `eval "$(bash scripts/pg/throwaway.sh start)"` starts one).
 */

/** Why PostgreSQL cannot be used (unset or unreachable), or undefined. Synchronous: it decides whether the suite runs. */
export function postgresProblem(): string | undefined {
  const url = process.env.HUZHU_TEST_DATABASE_URL
  if (!url) return 'HUZHU_TEST_DATABASE_URL is not set'
  const probe = `const { Client } = require('pg')
const c = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 5000 })
c.connect().then(() => c.query('select 1')).then(() => c.end(), (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1) })`
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: repoRoot, env: { ...process.env, PROBE_URL: url }, encoding: 'utf8', timeout: 20_000 })
  return run.status === 0 ? undefined : (run.stderr.trim() || `the probe exited with ${run.status ?? run.signal}`)
}

export interface ClusterDatabase {
  url: string
  drop(): Promise<void>
}

/** A new, empty database (byte-order collation, as the server wants) on the test cluster. */
export async function createClusterDatabase(prefix = 'huzhu_2node'): Promise<ClusterDatabase> {
  const admin = process.env.HUZHU_TEST_DATABASE_URL!
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await run(`create database ${name} template template0 encoding 'UTF8' locale 'C'`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) }
}

