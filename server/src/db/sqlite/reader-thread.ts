import { Worker } from 'node:worker_threads'
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely'
import { BUSY_TIMEOUT_MS } from './connection'
import { nativeModulePath, toSqlite } from './native'

/**
 * A read-only SQLite connection on a worker thread of its own. The read pool's queries may be long (a
 * dashboard's aggregates, the reviewer queue over a million claims); better-sqlite3 runs a statement on
 * the thread that calls it, so a reader on the server's own thread would stop every other request for
 * as long. On a worker thread it reads beside them, as node-sqlite3's thread pool did. It loads the same
 * better-sqlite3 module, and so the same SQLite library, as the writer: one copy of SQLite in the process,
 * whose locks between connections of one process work only within one copy.
 *
 * The worker's code is plain JavaScript run with `eval` (no file to find in the source tree, the
 * production bundle and the tests alike); it answers one message at a time, in order.
 */
const READER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.modulePath)
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs })
for (const pragma of workerData.pragmas) db.pragma(pragma)
const cache = new Map()
const streams = new Map()
function statement(sql) {
  let stmt = cache.get(sql)
  if (stmt) { cache.delete(sql); cache.set(sql, stmt); return stmt }
  stmt = db.prepare(sql)
  cache.set(sql, stmt)
  if (cache.size > 128) cache.delete(cache.keys().next().value)
  return stmt
}
function answer(message) {
  switch (message.op) {
    case 'query': {
      const stmt = statement(message.sql)
      if (stmt.reader) return { rows: stmt.all(...message.params) }
      const { changes } = stmt.run(...message.params)
      return { rows: [], changes }
    }
    case 'open': {
      const stmt = db.prepare(message.sql)
      if (!stmt.reader) throw new Error('only queries that return rows can be streamed')
      streams.set(message.id, stmt.iterate(...message.params))
      return { stream: message.id }
    }
    case 'next': {
      const rows = []
      const iterator = streams.get(message.stream)
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        rows.push(next.value)
        if (rows.length >= message.size) return { rows, done: false }
      }
      streams.delete(message.stream)
      return { rows, done: true }
    }
    case 'close': {
      streams.get(message.stream)?.return()
      streams.delete(message.stream)
      return {}
    }
    case 'end': {
      for (const iterator of streams.values()) iterator.return()
      db.close()
      return {}
    }
  }
}
parentPort.on('message', (message) => {
  try {
    parentPort.postMessage({ id: message.id, ...answer(message) })
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } })
  }
})
`

interface Answer { id: number; rows?: unknown[]; changes?: number; stream?: number; done?: boolean; error?: { message: string; code?: string } }

/** A worker thread's answer as the promise of one request; the thread is referenced only while one is pending. */
export class ReaderThreadConnection implements DatabaseConnection {
  readonly #worker: Worker
  readonly #pending = new Map<number, { done: (answer: Answer) => void; fail: (error: Error) => void }>()
  #nextId = 1
  #failed: Error | undefined

  constructor(file: string, pragmas: readonly string[]) {
    this.#worker = new Worker(READER_THREAD, {
      eval: true,
      workerData: { modulePath: nativeModulePath, file, pragmas, busyTimeoutMs: BUSY_TIMEOUT_MS },
    })
    this.#worker.unref()
    this.#worker.on('message', (answer: Answer) => this.#settle(answer))
    this.#worker.on('error', (error) => this.#failAll(error))
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the SQLite reader thread exited (${code})`)))
  }

  /** Resolves once the thread has opened the file and set its pragmas. */
  async ready(): Promise<this> {
    await this.#send({ op: 'query', sql: 'select 1', params: [] })
    return this
  }

  #settle(answer: Answer): void {
    const waiter = this.#pending.get(answer.id)
    if (!waiter) return
    this.#pending.delete(answer.id)
    if (this.#pending.size === 0) this.#worker.unref()
    if (answer.error) waiter.fail(Object.assign(new Error(answer.error.message), { code: answer.error.code }))
    else waiter.done(answer)
  }

  #failAll(error: Error): void {
    this.#failed ??= error
    for (const waiter of this.#pending.values()) waiter.fail(error)
    this.#pending.clear()
  }

  #send(message: Record<string, unknown>): Promise<Answer> {
    if (this.#failed) return Promise.reject(this.#failed)
    const id = this.#nextId++
    return new Promise((done, fail) => {
      if (this.#pending.size === 0) this.#worker.ref()
      this.#pending.set(id, { done, fail })
      this.#worker.postMessage({ id, ...message })
    })
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const answer = await this.#send({ op: 'query', sql: compiled.sql, params: compiled.parameters.map(toSqlite) })
    return answer.changes === undefined ? { rows: answer.rows as R[] } : { rows: [], numAffectedRows: BigInt(answer.changes) }
  }

  /** Runs a statement that gives no rows (begin, commit). */
  async exec(sql: string): Promise<void> {
    await this.#send({ op: 'query', sql, params: [] })
  }

  /** Streams a select in chunks: the thread steps the statement only as far as each chunk asked for. */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { stream } = await this.#send({ op: 'open', sql: compiled.sql, params: compiled.parameters.map(toSqlite) })
    let done = false
    try {
      while (!done) {
        const next = await this.#send({ op: 'next', stream, size: Math.max(1, chunkSize) })
        done = next.done === true
        if (next.rows && next.rows.length > 0) yield { rows: next.rows as R[] }
      }
    } finally {
      if (!done) await this.#send({ op: 'close', stream })
    }
  }

  async close(): Promise<void> {
    if (this.#failed) return
    await this.#send({ op: 'end' })
    this.#failed = new Error('the SQLite reader is closed')
    await this.#worker.terminate()
  }
}
