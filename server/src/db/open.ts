import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely } from 'kysely'
import type { Database } from './database'
import { SqliteConnection } from './sqlite/connection'
import { NodeSqliteDialect } from './sqlite/dialect'
import { ReadPoolDriver, WriterDriver } from './sqlite/drivers'
import { GroupCommit } from './sqlite/group-commit'
import { openNative } from './sqlite/native'
import { ReaderThreadConnection } from './sqlite/reader-thread'
import { openPostgres } from './postgres/pool'

export type Db = Kysely<Database>

export interface OpenDatabase {
  /** Reads and writes: one connection, every transaction serialised. */
  db: Db
  /** Read-only pool for heavy reads (queues, dashboards); sees committed data only. */
  readDb: Db
  /** Resolves once every commit so far is on disk (SQLite: group-commit.ts; PostgreSQL: at commit, so at once). */
  durable(): Promise<void>
  close(): Promise<void>
}

/** Where the data lives: SQLite's file (the embedded default), or PostgreSQL (`DATABASE_URL`). */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }

export interface OpenOptions {
  readPoolSize?: number
  /** PostgreSQL: an idle pooled connection failed (the pool replaces it). */
  onIdleError?: (error: Error) => void
}

/** Opens the configured database: the same `db` / `readDb` pair on either. */
export function openDatabaseTarget(target: DatabaseTarget, options: OpenOptions = {}): Promise<OpenDatabase> {
  if (target.kind === 'sqlite') return openDatabase(target.file, options)
  return openPostgres(target.url, { poolSize: target.poolSize, ...options })
}

/** What to log about a target: never the URL, which may hold a password. */
export function describeTarget(target: DatabaseTarget): Record<string, string> {
  if (target.kind === 'sqlite') return { database: 'sqlite', file: target.file }
  const url = new URL(target.url)
  return { database: 'postgres', host: url.host || '(socket)', name: decodeURIComponent(url.pathname.replace(/^\//, '')) }
}

/**
 * Opens the SQLite file (creating it and its folder): WAL, foreign keys on,
 * group commit (an answered commit survives power loss), another process's lock waited
 * for up to BUSY_TIMEOUT_MS. The read pool opens lazily on its first query, after
 * the writer has set WAL.
 */
export async function openDatabase(file: string, options: { readPoolSize?: number } = {}): Promise<OpenDatabase> {
  mkdirSync(dirname(file), { recursive: true })
  const writer = openNative(file, 'readwrite')
  const groupCommit = new GroupCommit(file)
  const writerConnection = new SqliteConnection(writer, { onCommit: () => groupCommit.committed() })
  await writerConnection.exec([
    'pragma journal_mode = wal',
    // Commits reach the disk through group-commit.ts, before they are answered, off the server's thread.
    'pragma synchronous = normal',
    'pragma foreign_keys = on',
    // 64 MB of page cache for the writer: a 100,000-row import in one transaction touches random
    // pages of several indexes; with the 2 MB default it spills and re-reads them (5× slower).
    'pragma cache_size = -65536',
  ].join(';\n'))
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect('writer', () => new WriterDriver(async () => writerConnection)) })

  // 8 MB of page cache for a reader (allocated as used): the indicators look up a few hundred thousand people's
  // birth dates, whose index (12 MB per 400,000 people) the 2 MB default keeps re-reading (2.5× slower). Not more: the
  // cache is also what SQLite's sorter sorts in memory before it merges sorted runs, and one sort of 700,000 rows
  // in memory is slower than merging runs (members in all: +60% at 64 MB).
  const openReader = () => new ReaderThreadConnection(file, ['query_only = on', 'cache_size = -8192']).ready()
  const readDb = new Kysely<Database>({
    dialect: new NodeSqliteDialect('reader', () => new ReadPoolDriver(openReader, options.readPoolSize ?? 2)),
  })

  let closed = false
  return {
    db,
    readDb,
    durable: () => groupCommit.durable(),
    async close() {
      if (closed) return
      closed = true
      // What the tools (create-admin, roster) wrote is on disk before they say so, even with the server's connection
      // still open (then closing this one checkpoints nothing).
      await groupCommit.durable()
      await readDb.destroy()
      await db.destroy()
      await groupCommit.close()
      // kysely destroys a driver only if it was initialised; close the writer ourselves otherwise.
      await writerConnection.close()
    },
  }
}
