import type { DatabaseConnection, Driver } from 'kysely'
import type { SqliteConnection } from './connection'
import type { ReaderThreadConnection } from './reader-thread'

async function exec(connection: DatabaseConnection, sql: string): Promise<void> {
  await (connection as SqliteConnection | ReaderThreadConnection).exec(sql)
}

/**
 * The one read-write connection. kysely's mutex (the adapter says it has no
 * multiple connections) serialises every query and transaction on it.
 * Transactions begin IMMEDIATE: they take the write lock up front, so another
 * process (the CLI) waits on busy_timeout instead of failing on a lock upgrade.
 */
export class WriterDriver implements Driver {
  readonly #open: () => Promise<SqliteConnection>
  #connection: SqliteConnection | undefined

  constructor(open: () => Promise<SqliteConnection>) {
    this.#open = open
  }

  async init(): Promise<void> {
    this.#connection = await this.#open()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('database is not open')
    return this.#connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'begin immediate')
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'commit')
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'rollback')
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await exec(connection, `savepoint "${name.replace(/"/g, '')}"`)
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await exec(connection, `rollback to "${name.replace(/"/g, '')}"`)
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await exec(connection, `release "${name.replace(/"/g, '')}"`)
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const connection = this.#connection
    this.#connection = undefined
    await connection?.close()
  }
}

/**
 * A small pool of read-only connections, each on a thread of its own. In WAL
 * mode they read a consistent snapshot while the writer commits, so heavy reads
 * never stall writes, nor the server's thread.
 */
export class ReadPoolDriver implements Driver {
  readonly #open: () => Promise<ReaderThreadConnection>
  readonly #size: number
  #all: ReaderThreadConnection[] = []
  #idle: ReaderThreadConnection[] = []
  #waiting: ((connection: ReaderThreadConnection) => void)[] = []

  constructor(open: () => Promise<ReaderThreadConnection>, size: number) {
    this.#open = open
    this.#size = size
  }

  async init(): Promise<void> {
    for (let i = 0; i < this.#size; i++) this.#all.push(await this.#open())
    this.#idle = [...this.#all]
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop()
    if (idle) return idle
    return new Promise((done) => this.#waiting.push(done))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const next = this.#waiting.shift()
    if (next) next(connection as ReaderThreadConnection)
    else this.#idle.push(connection as ReaderThreadConnection)
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'begin')
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'commit')
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'rollback')
  }

  async destroy(): Promise<void> {
    const all = this.#all
    this.#all = []
    this.#idle = []
    await Promise.all(all.map((c) => c.close()))
  }
}
