import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely'

/**
 * What differs between the two databases, in one place. The schema and the
 * queries are written once; these helpers give the few pieces of SQL that
 * SQLite and PostgreSQL spell differently. Both are told apart by kysely's
 * adapter, which a transaction shares with its database.
 */
export type DialectName = 'sqlite' | 'postgres'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>; any schema is fine here
type AnyDb = Kysely<any>

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

export const isPostgres = (db: AnyDb): boolean => dialectOf(db) === 'postgres'

/**
 * The column type of money (integer fen): `bigint` on PostgreSQL, where
 * `integer` is 32 bits and MAX_FEN is 10^10; `integer` on SQLite, whose
 * integers are 64 bits already (so SQLite schemas stay as they were).
 * The PostgreSQL pool reads `bigint` back as a JS number (`postgres/pool.ts`).
 */
export function moneyType(db: AnyDb): 'bigint' | 'integer' {
  return isPostgres(db) ? 'bigint' : 'integer'
}

/**
 * Locks the rows a check-then-write reads (`SELECT … FOR UPDATE`) on
 * PostgreSQL, where writers run side by side: a second transaction reading the
 * same rows waits for the first to commit and then reads what it wrote. SQLite
 * has one writer at a time (write transactions begin IMMEDIATE), so the read is
 * already serialised, and it has no `FOR UPDATE`.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: AnyDb, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query
}

/**
 * Takes the row lock of a select that is run only for its lock (`SELECT … FOR
 * UPDATE`, its rows unused): on PostgreSQL it waits for the rows as `forUpdate`
 * does; on SQLite, whose one writer already serialises every write transaction,
 * it runs nothing (a query there would hold no lock and only cost time). The
 * select is built only when it runs. A read whose values are also checked
 * (e.g. an account's `disabled_at`) is not lock-only: use `forUpdate` there.
 */
export async function lockRows<DB, TB extends keyof DB, O>(db: AnyDb, select: () => SelectQueryBuilder<DB, TB, O>): Promise<void> {
  if (isPostgres(db)) await select().forUpdate().execute()
}

/**
 * Share-locks the rows a write depends on but does not change (`SELECT … FOR
 * SHARE`) on PostgreSQL: any number of such readers go side by side, while a
 * transaction changing the rows (`forUpdate`) waits for them to commit, and they
 * wait for it. SQLite has one writer at a time, so, as with `forUpdate`, the
 * read inside the write transaction is already serialised.
 */
export function forShare<DB, TB extends keyof DB, O>(db: AnyDb, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forShare() : query
}

/** True in about `percent` of the rows: a uniform draw from 0-99 per row. */
export function randomBelowPercent(db: AnyDb, percent: number): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`floor(random() * 100) < ${percent}`
    : sql<boolean>`abs(random() % 100) < ${percent}`
}

/** `haystack` contains `needle` as it is (no LIKE wildcards, case-sensitive on both). */
export function containsText(db: AnyDb, haystack: Expression<string>, needle: string): RawBuilder<boolean> {
  return isPostgres(db) ? sql<boolean>`strpos(${haystack}, ${needle}) > 0` : sql<boolean>`instr(${haystack}, ${needle}) > 0`
}

/** The SQL type a column of `valuesTable` is read as. */
export type ValuesColumnType = 'text' | 'money'

/**
 * `(VALUES (…), (…)) AS <alias>`, to join many rows of values in one statement
 * (e.g. `UPDATE t SET c = v.column2 FROM … WHERE t.id = v.column1`). Both
 * databases name the columns `column1`, `column2`…; PostgreSQL types bound
 * parameters there as text, so each value is cast to its column's type (SQLite
 * takes them as bound).
 */
export function valuesTable(db: AnyDb, alias: string, types: readonly ValuesColumnType[], rows: readonly (readonly (string | number | null)[])[]): RawBuilder<unknown> {
  const pg = isPostgres(db)
  const cell = (value: string | number | null, type: ValuesColumnType) => (pg ? sql`cast(${value} as ${sql.raw(type === 'money' ? 'bigint' : 'text')})` : sql`${value}`)
  const tuples = rows.map((row) => sql`(${sql.join(row.map((value, i) => cell(value, types[i] ?? 'text')))})`)
  return sql`(values ${sql.join(tuples)}) as ${sql.ref(alias)}`
}
