import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { migrateToLatest } from '../migrate'
import { openDatabase, type OpenDatabase } from '../open'
import { refreshSqliteStatistics } from './statistics'

/** A scratch schema: rows of a few statuses, many people, an index on each (the shape of claims and enrolments). */
interface Scratch {
  items: { id: number; status: string; person: string }
}
const schema: Record<string, Migration> = {
  '0001_items': {
    async up(db) {
      await db.schema.createTable('items').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('status', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull()).execute()
      await db.schema.createIndex('items_status').on('items').column('status').execute()
      await db.schema.createIndex('items_person').on('items').column('person').execute()
    },
  },
}

let dir: string
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'huzhu-statistics-')) })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `count` rows from `from`: the first half 'active', the rest 'ended' (the status index holds one status first), two per person. */
async function addItems(db: Kysely<Scratch>, from: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({ id: from + i, status: i < count / 2 ? 'active' : 'ended', person: `p${Math.floor((from + i) / 2)}` }))
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 300) await trx.insertInto('items').values(rows.slice(i, i + 300)).execute()
  })
}

const statOf = async (db: Kysely<Scratch>, index: string) =>
  (await sql<{ stat: string }>`select stat from sqlite_stat1 where idx = ${index}`.execute(db)).rows[0]?.stat

/** Opens the file as the server does at start: the migrations, then the statistics. */
async function start(file: string): Promise<OpenDatabase & { scratch: Kysely<Scratch> }> {
  const opened = await openDatabase(file)
  await migrateToLatest(opened.db, schema)
  return { ...opened, scratch: opened.db as unknown as Kysely<Scratch> }
}

test('a database with data gets planner statistics at start, in full (not sampled), and the planner then goes by the person', async () => {
  const file = join(dir, 'start.sqlite')
  const first = await start(file)
  await addItems(first.scratch, 0, 20_000)
  await first.close()

  // The next start (a server upgraded onto a database that has data but was never analysed).
  const second = await start(file)
  try {
    // 20,000 rows, 10,000 a status: counted over the whole index (a sample of its first entries, all 'active', says 2,001).
    expect(await statOf(second.scratch, 'items_status')).toBe('20000 10000')
    expect(await statOf(second.scratch, 'items_person')).toBe('20000 2')
    const people = Array.from({ length: 500 }, (_, i) => `p${i * 17}`)
    const plan = await sql<{ detail: string }>`explain query plan select id from items where status in ('active', 'ended') and person in (${sql.join(people)})`.execute(second.scratch)
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('USING INDEX items_person')
  } finally {
    await second.close()
  }
})

test('the periodic run analyses again a table that grew many times over since, and leaves the others as they were', async () => {
  const database = await start(join(dir, 'periodic.sqlite'))
  try {
    await addItems(database.scratch, 0, 100)
    await refreshSqliteStatistics(database.db, 'open')
    expect(await statOf(database.scratch, 'items_status')).toBe('100 50')
    // A small growth: nothing to do (optimize's threshold is a 25-fold change).
    await addItems(database.scratch, 100, 100)
    await refreshSqliteStatistics(database.db, 'periodic')
    expect(await statOf(database.scratch, 'items_status')).toBe('100 50')
    // Thirty times as many rows: analysed again, in full.
    await addItems(database.scratch, 200, 2_800)
    await refreshSqliteStatistics(database.db, 'periodic')
    expect(await statOf(database.scratch, 'items_status')).toBe('3000 1500')
  } finally {
    await database.close()
  }
})
