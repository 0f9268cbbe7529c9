import { Kysely, PostgresDialect, sql } from 'kysely'
import { Pool, types, type CustomTypesConfig, type PoolConfig } from 'pg'
import type { Database } from '../database'
import type { OpenDatabase } from '../open'

/** PostgreSQL's type ids (pg_type.oid) read differently from the driver's default. */
const INT8_OID = 20
const NUMERIC_OID = 1700

/**
 * `bigint` (money columns, `count(*)`) and `numeric` (`sum()` of a bigint) come
 * back as JS numbers, as they do from SQLite; a value a number cannot hold
 * exactly is an error rather than a rounded amount (money is at most 10^10 fen).
 */
export function parseWholeNumber(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`the database returned ${text}, which is not a safe integer`)
  return value
}

function parseNumeric(text: string): number {
  return /^-?\d+$/.test(text) ? parseWholeNumber(text) : Number(text)
}

export const huzhuPgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === INT8_OID) return parseWholeNumber
    if (format !== 'binary' && oid === NUMERIC_OID) return parseNumeric
    return types.getTypeParser(oid, format as 'text')
  }) as CustomTypesConfig['getTypeParser'],
}

export interface PostgresOptions {
  /** Connections for reads and writes (default 10). */
  poolSize?: number
  /** Connections of the read-only pool (default 2). */
  readPoolSize?: number
  /** Told when an idle connection fails (the server restarted, a network cut): the pool drops it and opens another. */
  onIdleError?: (error: Error) => void
}

/**
 * Text must compare byte by byte, as SQLite compares it: ids and ISO instants
 * are keys and cursors (`id < before`), and a linguistic collation (en_US…)
 * orders `_` and case differently. A database created with another collation is
 * refused at start with how to make a right one.
 */
export async function assertBytewiseCollation(db: Kysely<Database>): Promise<void> {
  const probe = await sql<{ bytewise: boolean; collation: string }>`
    select ('B' < 'a' and 'a_c' < 'ab' and 'Z' < '_') as bytewise,
      (select datcollate from pg_database where datname = current_database()) as collation`.execute(db)
  const row = probe.rows[0]
  if (row?.bytewise !== true) {
    throw new Error(`the PostgreSQL database compares text by the collation ${row?.collation ?? '(unknown)'}; Huzhu needs byte order, as SQLite has: `
      + `create the database with CREATE DATABASE huzhu LOCALE 'C' TEMPLATE template0 (or ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C')`)
  }
}

/**
 * Opens a PostgreSQL database (`DATABASE_URL`) through kysely's PostgresDialect
 * and `pg` (pure JavaScript, never pg-native): a pool for reads and writes, where
 * transactions run side by side (check-then-writes take row locks or rest on
 * unique constraints, see `db/dialect.ts`), and a small pool whose sessions are
 * read-only for heavy reads, like SQLite's read pool. They keep PostgreSQL's
 * own work_mem (4 MB): the indicators' member counts sort 700,000 person ids,
 * and an external merge of 4 MB runs took half the time of one sort in 64 MB
 * here (coverage total 1.15 → 0.61 s, enrolments per day 1.39 → 0.67 s over a
 * million enrolments, `npm run bench:dashboard`); no figure was faster with more.
 * The writer pool's sessions plan without parallel workers: its queries are a
 * request's or a transaction's small reads and writes, where starting workers
 * costs more than it saves (an import's lookup of 500 persons by ID-number hash
 * took 45 ms through Gather against 8 ms in one process, and a settlement file of
 * 50,000 rows 22.5 → 18.1 s, `npm run bench:settlements -- --records 50000 --only
 * postgres`); the read pool's heavy scans keep them.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenDatabase> {
  const base: PoolConfig = { connectionString: url, types: huzhuPgTypes, application_name: 'huzhu' }
  const writerPool = new Pool({ ...base, max: options.poolSize ?? 10, options: '-c max_parallel_workers_per_gather=0' })
  const readerPool = new Pool({ ...base, max: options.readPoolSize ?? 2, options: '-c default_transaction_read_only=on' })
  const onIdleError = options.onIdleError ?? (() => {})
  writerPool.on('error', onIdleError)
  readerPool.on('error', onIdleError)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: writerPool }) })
  const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: readerPool }) })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await readDb.destroy()
    await db.destroy()
  }
  try {
    await assertBytewiseCollation(db)
  } catch (error) {
    await close()
    throw error
  }
  return { db, readDb, durable: async () => {}, close }
}
