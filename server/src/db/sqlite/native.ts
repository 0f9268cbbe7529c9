import Database from 'better-sqlite3'

/**
 * SQLite through better-sqlite3: a statement runs synchronously on the thread that calls it. The writer
 * runs on the server's own thread: its statements are short, and a transaction of a claim's 26 statements
 * takes well under a millisecond instead of 26 trips through libuv's thread pool, each waiting for the
 * event loop while the one writer is held (node-sqlite3 did that: 142 claims/s, the writer the bottleneck).
 * The readers, whose queries may be long (dashboards, queues), run on worker threads (reader-thread.ts).
 */
export type NativeDatabase = Database.Database
export type NativeStatement = Database.Statement<unknown[], unknown>

/** The npm package's entry file, for the reader threads to load the same module (and so the same SQLite). */
export const nativeModulePath: string = require.resolve('better-sqlite3')

/**
 * Opens the file. better-sqlite3's own busy wait would block the thread; `timeout: 0` makes a busy
 * database fail at once, and the caller waits asynchronously and tries again (connection.ts).
 */
export function openNative(file: string, mode: 'readwrite' | 'readonly'): NativeDatabase {
  const db = new Database(file, { readonly: mode === 'readonly', fileMustExist: mode === 'readonly', timeout: 0 })
  // better-sqlite3 turns on SQLite's defensive mode, which refuses `writable_schema`; one migration edits a
  // table's CHECK in sqlite_schema with it (20261128T1530_payee_accounts), as SQLite's docs describe. The
  // server runs no SQL but its own, so the writer has SQLite's default, as under node-sqlite3 before.
  if (mode === 'readwrite') db.unsafeMode(true)
  return db
}

/**
 * Values as SQLite binds them: whole numbers as integers (better-sqlite3 binds every JS number as a REAL, so
 * a TEXT column would keep 5 as '5.0' and json_object would write 5.0), booleans as 0/1, undefined as null,
 * dates as ISO text, bigint within 2^53.
 */
export function toSqlite(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value
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
 * better-sqlite3's error as an Error of the caller's own realm, with SQLite's code (`SQLITE_CONSTRAINT_UNIQUE`).
 * The addon is loaded once a process and makes its errors with the SqliteError class of the first realm that
 * loaded it; jest runs each test file in a realm of its own, where those would not be `instanceof Error`.
 */
export function asError(error: unknown): Error {
  if (!(error instanceof Database.SqliteError) && error instanceof Error) return error
  const { message, code } = error as { message: string; code?: string }
  return Object.assign(new Error(message, { cause: error }), { code })
}

/** A database another connection (the CLI's roster import, a backup) holds locked for now. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
}
