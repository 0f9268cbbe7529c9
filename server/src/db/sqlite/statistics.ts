import { sql } from 'kysely'
import { isPostgres } from '../dialect'
import type { Db } from '../open'

/**
 * SQLite's planner statistics (`sqlite_stat1`), kept as SQLite's docs advise for
 * a long-lived connection: `PRAGMA optimize=0x10002` when it opens (after the
 * migrations) and then periodically (the server: hourly, `every`). 0x10000 looks
 * at every table, not only those this connection queried: the heavy reads run
 * on the read pool, whose connections are read-only and cannot write statistics.
 * It re-analyses a table only when its size moved 25-fold since the last
 * analysis, so an hourly run is a no-op almost always (9 ms on a 1.4 GB database
 * of a million claims) and a table grows 25-fold within an hour only while it is
 * small, which is when analysing it is cheap.
 *
 * Analysed in full, never sampled (`analysis_limit` 0, and without optimize's
 * 0x10 bit, which samples 2,000 rows per index): an index led by a column of few
 * values (`status`) is sampled from its first entries, all of one status, and
 * the planner then believes each status holds 1,001 rows of a million, and walks
 * the status index for "status in (…) and person in (500 ids)" (5.7 s instead of
 * 77 ms, measured on a million enrolments). A table never analysed (a new
 * table, or a database from before this) is analysed in full at open, before the
 * server takes requests: 3.6 s for that 1.4 GB database, once.
 *
 * PostgreSQL keeps its own (autovacuum's ANALYZE): nothing to do there.
 */
export async function refreshSqliteStatistics(db: Db, when: 'open' | 'periodic'): Promise<void> {
  if (isPostgres(db)) return
  await sql`pragma analysis_limit = 0`.execute(db)
  if (when === 'open') {
    for (const table of await tablesNeverAnalysed(db)) await sql`analyze ${sql.id(table)}`.execute(db)
  }
  await sql`pragma optimize = 0x10002`.execute(db)
}

/** Tables with an index and rows but no statistics yet (ANALYZE writes none for an empty table: looked at each open, cheaply). */
async function tablesNeverAnalysed(db: Db): Promise<string[]> {
  const { rows: stat } = await sql<{ n: number }>`select count(*) as n from sqlite_schema where type = 'table' and name = 'sqlite_stat1'`.execute(db)
  const analysed = Number(stat[0]?.n ?? 0) > 0
    ? new Set((await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1`.execute(db)).rows.map((r) => r.tbl))
    : new Set<string>()
  const { rows: indexed } = await sql<{ name: string }>`
    select distinct tbl_name as name from sqlite_schema where type = 'index' and tbl_name not like 'sqlite_%' order by tbl_name`.execute(db)
  const never: string[] = []
  for (const { name } of indexed) {
    if (analysed.has(name)) continue
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.id(name)} limit 1`.execute(db)
    if (rows.length > 0) never.push(name)
  }
  return never
}

/**
 * After a migration makes an index again: SQLite keeps no statistics for the new index while the others keep
 * theirs, and its planner then passes the index over (paid claims by catalogue 3× slower when `claims_dashboard`
 * was remade); where statistics were gathered, they are gathered for it too. PostgreSQL reads the table's.
 */
export async function analyseRemadeIndex(db: Db, index: string): Promise<void> {
  if (isPostgres(db)) return
  const analysed = await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db)
  if (analysed.rows.length > 0) await sql`analyze ${sql.id(index)}`.execute(db)
}
