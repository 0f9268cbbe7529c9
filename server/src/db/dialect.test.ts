/**
 * `lockRows` (db/dialect.ts): a select taken only for its row lock. On PostgreSQL it holds the rows until the
 * transaction ends; on SQLite, whose one writer already serialises writes, it runs nothing at all.
 */
import type { KyselyPlugin } from 'kysely'
import { loginAs, startTestApp, testDatabaseKind, type TestApp } from '../../test/helpers'
import { lockRows } from './dialect'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

/** Counts the queries a Kysely instance runs. */
function counting(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0
  return {
    plugin: { transformQuery: (args) => { n++; return args.node }, transformResult: async (args) => args.result },
    count: () => n,
  }
}

test('the lock holds the rows until the transaction ends on PostgreSQL; on SQLite no query runs', async () => {
  const user = await loginAs(app)
  const queries = counting()
  const db = app.db.withPlugin(queries.plugin)
  let built = 0
  const lockedElsewhere: unknown[] = []
  await db.transaction().execute(async (trx) => {
    await lockRows(trx, () => { built++; return trx.selectFrom('users').select('id').where('id', '=', user.id) })
    if (testDatabaseKind() === 'postgres') {
      // Another connection asking for the row without waiting is refused while this transaction holds it.
      lockedElsewhere.push(await app.db.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().noWait().execute()
        .catch((error: { code?: string }) => error.code))
    }
  })
  if (testDatabaseKind() === 'postgres') {
    expect(lockedElsewhere).toEqual(['55P03'])
    expect(built).toBe(1)
    // Committed: the row is free again.
    expect(await app.db.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().noWait().execute()).toEqual([{ id: user.id }])
  } else {
    expect(built).toBe(0)
    // Not even built, let alone run (the transaction itself is no query here).
    expect(queries.count()).toBe(0)
  }
})
