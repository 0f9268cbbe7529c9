import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabaseTarget, type OpenDatabase } from '../../server/src/db/open'
import { serverEnv, startServerProcess, type ServerProcess } from '../../server/test/helpers/server-process'
import type { TestApp } from '../../server/test/helpers/test-app'
import { processAsTestApp } from '../lib/process-app'

export { createClusterDatabase, postgresProblem, type ClusterDatabase } from '../lib/postgres'

/**
 * Several server processes (`node --import tsx src/main.ts`) on one PostgreSQL database and one
 * object store, for the two-node race test. The database is a fresh one (`lib/postgres.ts`).
 */

export interface ClusterNode {
  name: string
  env: Record<string, string>
  process: ServerProcess
}

/**
 * The environment of one node: its own data folder (only `tmp/` is used: files are in the object
 * store), the shared keys, database and store. NODE_ENV=development, so that `main` runs the
 * scheduled jobs (renewal reminders at start, then hourly) as in production; the fixed login code
 * for scripted sign-ins.
 */
export function nodeEnv(shared: Record<string, string>): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huzhu-node-'))
  return serverEnv(dataDir, { NODE_ENV: 'development', HUZHU_DB_POOL_SIZE: '10', ...shared })
}

export async function startNode(name: string, env: Record<string, string>): Promise<ClusterNode> {
  return { name, env, process: await startServerProcess(env, { label: `node ${name}`, timeoutMs: 120_000 }) }
}

/** The cluster's database opened from the test process (to set up rows and to count them). */
export async function openClusterDatabase(url: string): Promise<OpenDatabase> {
  return openDatabaseTarget({ kind: 'postgres', url, poolSize: 4 }, { readPoolSize: 1 })
}

/** One node seen through the server test helpers' `TestApp` (`lib/process-app.ts`). */
export function nodeAsTestApp(node: ClusterNode, database: OpenDatabase, dataKey: string): TestApp {
  return processAsTestApp(node.process.api, database, dataKey)
}
