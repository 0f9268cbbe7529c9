import { join } from 'node:path'
import type { DatabaseTarget } from '@huzhu/server/src/db/open'
import { createClusterDatabase, postgresProblem } from '../lib/postgres'

/**
 * The two databases every server benchmark runs on, in the same run: SQLite (a file in the data
 * folder, the default) and PostgreSQL (a fresh database on the cluster HUZHU_TEST_DATABASE_URL
 * reaches, dropped afterwards). `--only sqlite` / `--only postgres` runs one. Without a reachable
 * PostgreSQL its half is skipped with the reason, and the run fails (exit code 1) unless `--only sqlite`.
 */
export type BenchDatabaseKind = 'sqlite' | 'postgres'

export interface BenchDatabase {
  kind: BenchDatabaseKind
  target: DatabaseTarget
  /** The server's environment for it (DATABASE_URL, blank for SQLite). */
  env: Record<string, string>
  drop(): Promise<void>
}

export function benchKinds(argv: readonly string[] = process.argv): BenchDatabaseKind[] {
  const i = argv.indexOf('--only')
  const only = i >= 0 ? argv[i + 1] : undefined
  if (only !== undefined && only !== 'sqlite' && only !== 'postgres') throw new Error(`--only ${only}: sqlite or postgres`)
  const kinds: BenchDatabaseKind[] = only ? [only] : ['sqlite', 'postgres']
  if (!kinds.includes('postgres')) return kinds
  const problem = postgresProblem()
  if (problem === undefined) return kinds
  console.log(`PostgreSQL: not run (${problem}); start one with \`eval "$(bash scripts/pg/throwaway.sh start)"\``)
  process.exitCode = 1
  return kinds.filter((k) => k !== 'postgres')
}

/** A fresh database of that kind; the SQLite file goes in `dataDir` (removed with it). */
export async function benchDatabase(kind: BenchDatabaseKind, dataDir: string, poolSize = 10): Promise<BenchDatabase> {
  if (kind === 'sqlite') return { kind, target: { kind, file: join(dataDir, 'huzhu.sqlite') }, env: { DATABASE_URL: '' }, drop: async () => {} }
  const database = await createClusterDatabase('huzhu_bench')
  return { kind, target: { kind, url: database.url, poolSize }, env: { DATABASE_URL: database.url, HUZHU_DB_POOL_SIZE: String(poolSize) }, drop: database.drop }
}

export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const i = argv.indexOf(`--${name}`)
  if (i < 0) return fallback
  const value = Number(argv[i + 1])
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} ${argv[i + 1]}: a positive number`)
  return value
}

/**
 * The server's command: `node --import tsx src/main.ts`, with `--cpu-prof DIR` on the benchmark's command line a V8 CPU
 * profile written there when the server stops (open it in Chrome's DevTools, Performance). With `--compiled`, the
 * production build as production runs it (`node dist/main.mjs`; `npm run build -w @huzhu/server` first): tsx adds to
 * the server's memory (settlements: 249 → 201 MB before the import, 508 → 383 MB at its peak).
 */
export function serverCommand(argv: readonly string[] = process.argv): [string, ...string[]] {
  const i = argv.indexOf('--cpu-prof')
  const profile = i >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${argv[i + 1]}`] : []
  return argv.includes('--compiled') ? [process.execPath, ...profile, 'dist/main.mjs'] : [process.execPath, ...profile, '--import', 'tsx', 'src/main.ts']
}
