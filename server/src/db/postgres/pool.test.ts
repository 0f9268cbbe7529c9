/**
 * The two pools' sessions (openPostgres): the writer plans without parallel workers (a request's small reads and
 * writes), the read pool is read-only and keeps them for its heavy scans. On SQLite there is nothing to check.
 */
import { sql } from 'kysely'
import { startTestApp, testDatabaseKind, type TestApp } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const setting = async (db: TestApp['db'], name: string) => (await sql<{ value: string }>`select current_setting(${name}) as value`.execute(db)).rows[0]!.value

const onPostgres = testDatabaseKind() === 'postgres' ? test : test.skip

onPostgres('the writer’s sessions plan without parallel workers; the read pool’s are read-only and keep them', async () => {
  expect(await setting(app.db, 'max_parallel_workers_per_gather')).toBe('0')
  expect(await setting(app.db, 'default_transaction_read_only')).toBe('off')
  expect(await setting(app.readDb, 'default_transaction_read_only')).toBe('on')
  expect(Number(await setting(app.readDb, 'max_parallel_workers_per_gather'))).toBeGreaterThan(0)
})
