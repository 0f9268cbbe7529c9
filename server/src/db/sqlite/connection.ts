import type { CompiledQuery, DatabaseConnection, QueryResult, RootOperationNode } from 'kysely'
import {
  allNative, bindNative, closeNative, finalizeNative, prepareNative, runNative, stepNative,
  type NativeDatabase, type NativeStatement,
} from './native'

const READER_SQL = /^\s*(select|with|pragma|values|explain)\b/i

/** Does this query give rows back (a select, or a write with `returning`)? */
export function returnsRows(query: RootOperationNode, sql: string): boolean {
  switch (query.kind) {
    case 'SelectQueryNode':
      return true
    case 'InsertQueryNode':
    case 'UpdateQueryNode':
    case 'DeleteQueryNode':
      return query.returning !== undefined
    case 'RawNode':
      return READER_SQL.test(sql) || /\breturning\b/i.test(sql)
    default:
      return false
  }
}

/** Values as node-sqlite3 binds them: booleans as 0/1, no undefined, no bigint beyond 2^53. */
function toSqlite(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError('integer out of range')
    return Number(value)
  }
  if (value instanceof Date) return value.toISOString()
  return value
}

/**
 * One SQLite connection for kysely, caching prepared statements by SQL text (LRU).
 * kysely never runs two queries on one connection at once (a mutex for the
 * writer, a pool for the readers), so a cached statement is never shared.
 */
export class SqliteConnection implements DatabaseConnection {
  readonly #db: NativeDatabase
  readonly #cache = new Map<string, NativeStatement>()
  readonly #cacheSize: number
  #closed = false

  constructor(db: NativeDatabase, cacheSize = 256) {
    this.#db = db
    this.#cacheSize = cacheSize
  }

  async #statement(sql: string): Promise<NativeStatement> {
    const cached = this.#cache.get(sql)
    if (cached) {
      this.#cache.delete(sql)
      this.#cache.set(sql, cached)
      return cached
    }
    const stmt = await prepareNative(this.#db, sql)
    this.#cache.set(sql, stmt)
    if (this.#cache.size > this.#cacheSize) {
      const [oldestSql, oldest] = this.#cache.entries().next().value as [string, NativeStatement]
      this.#cache.delete(oldestSql)
      void finalizeNative(oldest)
    }
    return stmt
  }

  #evict(sql: string): void {
    const stmt = this.#cache.get(sql)
    if (stmt) {
      this.#cache.delete(sql)
      void finalizeNative(stmt)
    }
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters.map(toSqlite)
    const stmt = await this.#statement(compiled.sql)
    try {
      if (returnsRows(compiled.query, compiled.sql)) return { rows: await allNative<R>(stmt, params) }
      const { changes, lastID } = await runNative(stmt, params)
      return { rows: [], numAffectedRows: BigInt(changes ?? 0), insertId: lastID == null ? undefined : BigInt(lastID) }
    } catch (error) {
      this.#evict(compiled.sql)
      throw error
    }
  }

  /** Streams a select in chunks, stepping the statement only as fast as the consumer reads. */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!returnsRows(compiled.query, compiled.sql)) throw new Error('only queries that return rows can be streamed')
    const stmt = await prepareNative(this.#db, compiled.sql)
    try {
      await bindNative(stmt, compiled.parameters.map(toSqlite))
      let rows: R[] = []
      for (;;) {
        const row = await stepNative<R>(stmt)
        if (row === undefined) break
        rows.push(row)
        if (rows.length >= Math.max(1, chunkSize)) {
          yield { rows }
          rows = []
        }
      }
      if (rows.length > 0) yield { rows }
    } finally {
      await finalizeNative(stmt)
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const statements = [...this.#cache.values()]
    this.#cache.clear()
    await Promise.all(statements.map(finalizeNative))
    await closeNative(this.#db)
  }
}
