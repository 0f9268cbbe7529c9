import {
  SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely, type QueryCompiler,
} from 'kysely'

/** The writer: one connection, and SQLite's DDL is transactional, so a migration is all or nothing. */
class WriterAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/** The readers: several connections, so kysely's single-connection mutex is not needed. */
class ReaderAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/**
 * A kysely dialect for node-sqlite3 (`sqlite3`): kysely's own SQLite compiler,
 * adapter and introspector over our drivers (./drivers.ts).
 */
export class NodeSqliteDialect implements Dialect {
  readonly #driver: () => Driver
  readonly #adapter: DialectAdapter

  constructor(kind: 'writer' | 'reader', driver: () => Driver) {
    this.#driver = driver
    this.#adapter = kind === 'writer' ? new WriterAdapter() : new ReaderAdapter()
  }

  createDriver(): Driver {
    return this.#driver()
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return this.#adapter
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- kysely's Dialect interface declares it so: the introspector reads any schema
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
