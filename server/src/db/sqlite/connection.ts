import { setTimeout as sleep } from 'node:timers/promises'
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely'
import { asError, isBusy, toSqlite, type NativeDatabase, type NativeStatement } from './native'

/** How long a statement waits for another process's lock (the CLI's roster import) before it fails. */
export const BUSY_TIMEOUT_MS = 5_000

/**
 * Runs `attempt` again while the database is busy (another process holds the write lock), waiting
 * asynchronously between tries (2, 4, 8 … 64 ms), so the server's thread goes on serving meanwhile.
 * Only for a statement that changed nothing when it failed busy: one outside a transaction, or `begin`.
 */
async function retryWhileBusy<T>(attempt: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS
  for (let wait = 2; ; wait = Math.min(wait * 2, 64)) {
    try {
      return attempt()
    } catch (error) {
      if (!isBusy(error) || Date.now() + wait > deadline) throw error
    }
    await sleep(wait)
  }
}

/**
 * The writer's connection for kysely: better-sqlite3 on the server's own thread, prepared statements
 * cached by SQL text (LRU). kysely never runs two queries on it at once (a mutex), so a cached statement
 * is never shared.
 */
export class SqliteConnection implements DatabaseConnection {
  readonly #db: NativeDatabase
  readonly #cache = new Map<string, NativeStatement>()
  readonly #cacheSize: number
  readonly #onCommit: () => void

  /** `onCommit`: told after each statement that ended a write (group-commit.ts). */
  constructor(db: NativeDatabase, options: { onCommit?: () => void; cacheSize?: number } = {}) {
    this.#db = db
    this.#cacheSize = options.cacheSize ?? 256
    this.#onCommit = options.onCommit ?? (() => {})
  }

  /** After a statement: it committed if it ended a transaction, or wrote outside one. */
  #ended(wasInTransaction: boolean, wrote: boolean): void {
    if (!this.#db.inTransaction && (wasInTransaction || wrote)) this.#onCommit()
  }

  #statement(sql: string): NativeStatement {
    const cached = this.#cache.get(sql)
    if (cached) {
      this.#cache.delete(sql)
      this.#cache.set(sql, cached)
      return cached
    }
    const stmt = this.#db.prepare(sql)
    this.#cache.set(sql, stmt)
    if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value as string)
    return stmt
  }

  #run<R>(compiled: CompiledQuery): QueryResult<R> {
    const wasInTransaction = this.#db.inTransaction
    let stmt: NativeStatement | undefined
    try {
      stmt = this.#statement(compiled.sql)
      const params = compiled.parameters.map(toSqlite)
      if (stmt.reader) return { rows: stmt.all(...params) as R[] }
      const { changes, lastInsertRowid } = stmt.run(...params)
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) }
    } catch (error) {
      throw asError(error)
    } finally {
      this.#ended(wasInTransaction, stmt !== undefined && !stmt.readonly)
    }
  }

  #exec(sql: string): void {
    const wasInTransaction = this.#db.inTransaction
    try {
      this.#db.exec(sql)
    } catch (error) {
      throw asError(error)
    } finally {
      this.#ended(wasInTransaction, true)
    }
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction (begun IMMEDIATE, so it holds the write lock) a statement is never busy.
    if (this.#db.inTransaction) return this.#run<R>(compiled)
    return retryWhileBusy(() => this.#run<R>(compiled))
  }

  /** Runs a statement that gives no rows (begin, commit, savepoints, pragmas). */
  async exec(sql: string): Promise<void> {
    if (this.#db.inTransaction) this.#exec(sql)
    else await retryWhileBusy(() => this.#exec(sql))
  }

  /**
   * Streams a select in chunks. The statement steps only as the consumer reads; while it is open the
   * connection runs nothing else (kysely holds it for the stream).
   */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.#db.prepare(compiled.sql)
    if (!stmt.reader) throw new Error('only queries that return rows can be streamed')
    const rows = stmt.iterate(...compiled.parameters.map(toSqlite)) as IterableIterator<R>
    try {
      let chunk: R[] = []
      for (const row of rows) {
        chunk.push(row)
        if (chunk.length >= Math.max(1, chunkSize)) {
          yield { rows: chunk }
          chunk = []
        }
      }
      if (chunk.length > 0) yield { rows: chunk }
    } finally {
      rows.return?.()
    }
  }

  async close(): Promise<void> {
    this.#cache.clear()
    if (this.#db.open) this.#db.close()
  }
}
