import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompiledQuery, sql } from 'kysely'
import { openDatabase, type OpenDatabase } from '../open'
import { SqliteConnection } from './connection'
import { GroupCommit } from './group-commit'
import { openNative } from './native'

let dir: string
let database: OpenDatabase

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-group-commit-'))
  database = await openDatabase(join(dir, 'db.sqlite'))
  await sql`create table t (n integer not null)`.execute(database.db)
})

afterAll(async () => {
  await database.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('group commit', () => {
  test('the writer leaves syncing to it: synchronous is normal (1), not full', async () => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db)
    expect(rows[0]?.synchronous).toBe(1)
  })

  test('one sync covers the commits made before it; nothing committed, nothing synced', async () => {
    const group = new GroupCommit(join(dir, 'db.sqlite'))
    try {
      await group.durable()
      expect(group.syncs).toBe(0)
      for (let i = 0; i < 20; i++) group.committed()
      await Promise.all(Array.from({ length: 20 }, () => group.durable()))
      expect(group.syncs).toBe(1)
      await group.durable()
      expect(group.syncs).toBe(1)
    } finally {
      await group.close()
    }
  })

  test('a commit made while a sync runs gets a sync of its own after it', async () => {
    const group = new GroupCommit(join(dir, 'db.sqlite'))
    try {
      group.committed()
      const first = group.durable()
      group.committed()
      const second = group.durable()
      await Promise.all([first, second])
      expect(group.syncs).toBe(2)
    } finally {
      await group.close()
    }
  })

  test('the writer tells of each commit: a write outside a transaction, a commit, a rollback; not a read, nor a write inside one', async () => {
    let commits = 0
    const connection = new SqliteConnection(openNative(join(dir, 'db.sqlite'), 'readwrite'), { onCommit: () => commits++ })
    const run = (text: string) => connection.executeQuery(CompiledQuery.raw(text))
    try {
      await run('select count(*) from t')
      expect(commits).toBe(0)
      await run('insert into t (n) values (1)')
      expect(commits).toBe(1)
      await connection.exec('begin immediate')
      await run('insert into t (n) values (2)')
      expect(commits).toBe(1)
      await connection.exec('commit')
      expect(commits).toBe(2)
      await connection.exec('begin immediate')
      await run('insert into t (n) values (3)')
      await connection.exec('rollback')
      expect(commits).toBe(3)
      await expect(run('insert into t (m) values (4)')).rejects.toThrow(/no column named m/)
      expect(commits).toBe(3)
    } finally {
      await connection.close()
    }
    expect((await sql<{ n: number }>`select n from t order by n`.execute(database.readDb)).rows).toEqual([{ n: 1 }, { n: 2 }])
  })

  test('the database is durable once what its writer committed is synced', async () => {
    await sql`insert into t (n) values (5)`.execute(database.db)
    await database.durable()
    await database.durable()
  })
})
