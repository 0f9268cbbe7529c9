import { join } from 'node:path'
import type { KyselyPlugin } from 'kysely'
import { builtInCatalogueData } from '@huzhu/shared'
import { startTestApp, type TestApp, type TestUser, loginAs } from '../../../test/helpers'
import { createLogger } from '../../logger'
import { CATALOGUE_MAX_AGE_MS, loadCatalogueStore } from './catalogue-store'

/** Counts the queries a database handle runs. */
function counting(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0
  return {
    plugin: { transformQuery: (args) => { n++; return args.node }, transformResult: async (args) => args.result },
    count: () => n,
  }
}

const shanghai = builtInCatalogueData[0] as Record<string, unknown>
const plan = (id: string) => ({ ...shanghai, id, name: `${id} 计划`, term: { kind: 'plan_year', start: '2027-04-01', end: '2028-03-31' }, proration: [] })

let app: TestApp
let admin: TestUser
beforeAll(async () => {
  app = await startTestApp()
  admin = await loginAs(app, { roles: ['admin'] })
})
afterAll(() => app.close())

/** A node's store on the app's database, on a clock the test moves. */
function nodeStore() {
  const clock = { ms: 0 }
  const queries = counting()
  const store = loadCatalogueStore(join(app.dataDir, 'catalogues'), createLogger('silent'), { now: () => clock.ms })
  return { store, clock, db: app.readDb.withPlugin(queries.plugin), queries: queries.count }
}

describe('the catalogue store every request goes by', () => {
  test('reads the change mark at most once a second: requests in between share that read', async () => {
    const { store, clock, db, queries } = nodeStore()
    await store.fresh(db)
    const afterFirst = queries()
    expect(afterFirst).toBeGreaterThan(0)
    await Promise.all(Array.from({ length: 50 }, () => store.fresh(db)))
    clock.ms = CATALOGUE_MAX_AGE_MS - 1
    await store.fresh(db)
    expect(queries()).toBe(afterFirst)
    clock.ms = CATALOGUE_MAX_AGE_MS
    await Promise.all([store.fresh(db), store.fresh(db), store.fresh(db)])
    expect(queries()).toBe(afterFirst + 1) // the mark, unmoved: the rows are not read again
  })

  test('a request within the second of a finished read waits for nothing; one during a read waits for that read', async () => {
    const { store, clock, db } = nodeStore()
    const first = store.fresh(db)
    expect(first).toBeInstanceOf(Promise)
    expect(store.fresh(db)).toBe(first)
    await first
    expect(store.fresh(db)).toBeUndefined()
    clock.ms = CATALOGUE_MAX_AGE_MS - 1
    expect(store.fresh(db)).toBeUndefined()
    clock.ms = CATALOGUE_MAX_AGE_MS
    const next = store.fresh(db)
    expect(next).toBeInstanceOf(Promise)
    expect(store.fresh(db)).toBe(next)
    await next
    expect(store.fresh(db)).toBeUndefined()
  })

  test('a failed read is waited for by nobody after it: the next request reads again', async () => {
    const { store, db } = nodeStore()
    const broken = app.readDb.withPlugin({
      transformQuery: () => { throw new Error('database gone') },
      transformResult: async (args) => args.result,
    })
    await expect(store.fresh(broken)).rejects.toThrow('database gone')
    const retry = store.fresh(db)
    expect(retry).toBeInstanceOf(Promise)
    await retry
    expect(store.fresh(db)).toBeUndefined()
  })

  test('a catalogue published on another node is offered within a second, and at once after `refresh`', async () => {
    const { store, clock, db } = nodeStore()
    await store.fresh(db)
    expect((await app.api.put('/api/v1/catalogues/store-2027', plan('store-2027'), { token: admin.token })).status).toBe(200)
    clock.ms = CATALOGUE_MAX_AGE_MS
    await store.fresh(db)
    expect(store.get('store-2027')?.data.name).toBe('store-2027 计划')

    expect((await app.api.put('/api/v1/catalogues/store-2028', plan('store-2028'), { token: admin.token })).status).toBe(200)
    await store.refresh(db)
    expect(store.get('store-2028')).toBeDefined()
  })
})
