import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { sql, type Generated, type Kysely } from 'kysely'
import { migrateToLatest } from '../migrate'
import { openDatabase, type OpenDatabase } from '../open'

/** A scratch table outside the app's schema. */
interface Scratch {
  items: { id: Generated<number>; name: string; qty: number; flag: number }
}

let dir: string
let database: OpenDatabase
let db: Kysely<Scratch>
let readDb: Kysely<Scratch>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-dialect-'))
  database = await openDatabase(join(dir, 'test.sqlite'), { readPoolSize: 2 })
  db = database.db as unknown as Kysely<Scratch>
  readDb = database.readDb as unknown as Kysely<Scratch>
  await db.schema
    .createTable('items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('flag', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
})

afterAll(async () => {
  await database.close()
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await db.deleteFrom('items').execute()
})

/** Counts how often a 1 ms timer fired while `work` ran: the server's thread was free if it fired often. */
async function timerTicksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return ticks
}

describe('the SQLite dialect', () => {
  test('pragmas: WAL, foreign keys on', async () => {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
    expect(mode.rows[0]?.journal_mode).toBe('wal')
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
    expect(fk.rows[0]?.foreign_keys).toBe(1)
  })

  test("a write waits for another process's lock without stopping the server's thread, then succeeds", async () => {
    // Another connection (as the CLI's roster import would be) holds the write lock for 300 ms.
    const other = new Sqlite(join(dir, 'test.sqlite'))
    other.exec('begin immediate')
    const release = setTimeout(() => other.exec('commit'), 300)
    try {
      const started = Date.now()
      const ticks = await timerTicksDuring(() => db.insertInto('items').values({ name: 'waited', qty: 1, flag: 0 }).execute())
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
      expect(ticks).toBeGreaterThan(20)
      expect(await db.selectFrom('items').select('name').execute()).toEqual([{ name: 'waited' }])
    } finally {
      clearTimeout(release)
      other.close()
    }
  })

  test('whole numbers bind as integers: kept as 5 in a TEXT column and in JSON, not 5.0', async () => {
    const row = await sql<{ text: string; json: string; kind: string }>`select cast(${5} as text) as text, json_object('fen', ${620000}) as json, typeof(${7}) as kind`.execute(db)
    expect(row.rows[0]).toEqual({ text: '5', json: '{"fen":620000}', kind: 'integer' })
    const half = await sql<{ kind: string }>`select typeof(${0.5}) as kind`.execute(db)
    expect(half.rows[0]?.kind).toBe('real')
  })

  test('insert gives affected rows and insert id; returning gives rows', async () => {
    const result = await db.insertInto('items').values({ name: 'a', qty: 1, flag: 0 }).executeTakeFirstOrThrow()
    expect(result.numInsertedOrUpdatedRows).toBe(1n)
    expect(result.insertId).toBeGreaterThan(0n)
    const returned = await db.insertInto('items').values({ name: 'b', qty: 2, flag: 1 }).returning(['id', 'name']).executeTakeFirstOrThrow()
    expect(returned.name).toBe('b')
    const updated = await db.updateTable('items').set({ qty: 5 }).where('name', '=', 'b').returningAll().execute()
    expect(updated).toEqual([expect.objectContaining({ name: 'b', qty: 5 })])
    const changed = await db.updateTable('items').set({ qty: 9 }).executeTakeFirstOrThrow()
    expect(changed.numUpdatedRows).toBe(2n)
    const deleted = await db.deleteFrom('items').where('name', '=', 'a').returning('name').execute()
    expect(deleted).toEqual([{ name: 'a' }])
  })

  test('booleans bind as 0/1; a cached statement is reused with new parameters', async () => {
    await db.insertInto('items').values([{ name: 'x', qty: 1, flag: true as unknown as number }, { name: 'y', qty: 2, flag: false as unknown as number }]).execute()
    for (const name of ['x', 'y', 'x']) {
      const row = await db.selectFrom('items').select(['name', 'flag']).where('name', '=', name).executeTakeFirstOrThrow()
      expect(row).toEqual({ name, flag: name === 'x' ? 1 : 0 })
    }
  })

  test('a failed transaction leaves nothing; a constraint error rejects with the SQLite code', async () => {
    await expect(db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ name: 'one', qty: 1, flag: 0 }).execute()
      await trx.insertInto('items').values({ name: 'one', qty: 2, flag: 0 }).execute()
    })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([])
    // The connection is usable afterwards, including the statement that failed.
    await db.insertInto('items').values({ name: 'one', qty: 1, flag: 0 }).execute()
    expect(await db.selectFrom('items').select('name').execute()).toEqual([{ name: 'one' }])
  })

  test('controlled transactions roll back to savepoints', async () => {
    const trx = await db.startTransaction().execute()
    await trx.insertInto('items').values({ name: 'kept', qty: 1, flag: 0 }).execute()
    const inner = await trx.savepoint('inner').execute()
    await inner.insertInto('items').values({ name: 'dropped', qty: 1, flag: 0 }).execute()
    const outer = await inner.rollbackToSavepoint('inner').execute()
    await outer.commit().execute()
    expect(await db.selectFrom('items').select('name').execute()).toEqual([{ name: 'kept' }])
  })

  test('streams a select in chunks, in order', async () => {
    await db.insertInto('items').values(Array.from({ length: 250 }, (_, i) => ({ name: `n${String(i).padStart(3, '0')}`, qty: i, flag: 0 }))).execute()
    const seen: number[] = []
    for await (const row of db.selectFrom('items').select('qty').orderBy('qty').stream(40)) seen.push(row.qty)
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i))
  })

  test('the read pool sees committed data only, and reads while a write transaction is open', async () => {
    await db.insertInto('items').values({ name: 'committed', qty: 1, flag: 0 }).execute()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ name: 'pending', qty: 2, flag: 0 }).execute()
      const reads = await Promise.all([1, 2, 3].map(() => readDb.selectFrom('items').select('name').orderBy('name').execute()))
      for (const rows of reads) expect(rows).toEqual([{ name: 'committed' }])
    })
    expect(await readDb.selectFrom('items').select('name').orderBy('name').execute()).toEqual([{ name: 'committed' }, { name: 'pending' }])
  })

  test("a long read on the read pool runs beside the server's thread, not on it", async () => {
    const count = sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < 3000000) select count(*) as n from c`
    let rows: { n: number }[] = []
    const ticks = await timerTicksDuring(async () => { rows = (await count.execute(readDb)).rows })
    expect(rows).toEqual([{ n: 3000000 }])
    expect(ticks).toBeGreaterThan(20)
  })

  test('the read pool refuses writes', async () => {
    await expect(readDb.insertInto('items').values({ name: 'no', qty: 1, flag: 0 }).execute()).rejects.toThrow(/readonly|read-only|query_only/i)
  })
})

describe('migrations', () => {
  test('apply once, in order, then nothing is pending', async () => {
    const other = await openDatabase(join(dir, 'migrated.sqlite'))
    try {
      const first = await migrateToLatest(other.db)
      expect(first[0]).toBe('20261124T1200_units')
      expect(first).toEqual([...first].sort())
      expect(await migrateToLatest(other.db)).toEqual([])
    } finally {
      await other.close()
    }
  })

  test('a failing migration leaves the schema as it was', async () => {
    const other = await openDatabase(join(dir, 'failing.sqlite'))
    try {
      await expect(migrateToLatest(other.db, {
        '20200101T0000_good': { up: async (k) => { await k.schema.createTable('good').addColumn('id', 'text').execute() } },
        '20200101T0001_bad': { up: async (k) => { await sql`create table broken (`.execute(k) } },
      })).rejects.toThrow(/20200101T0001_bad/)
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'good'`.execute(other.db)
      expect(tables.rows).toEqual([])
    } finally {
      await other.close()
    }
  })
})
