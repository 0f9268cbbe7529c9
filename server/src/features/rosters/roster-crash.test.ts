/**
 * `kill -9` in the middle of a 10,000-row roster import leaves all of it or none
 * of it: the real server process (tsx src/main.ts) over a temporary data folder,
 * SIGKILLed at several moments after the import request is sent, then restarted.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabaseTarget } from '../../db/open'
import {
  createAdminFor, createTestDatabase, databaseEnv, newDataDir, serverEnv, signIn, startServerProcess, writeLargeRoster, XLSX,
  type ServerProcess, type TestDatabase,
} from '../../../test/helpers'

jest.setTimeout(180_000)

const ROWS = 10_000
const ADMIN = '13800007777'
const { dataDir, keys } = newDataDir()
let testDatabase: TestDatabase
let env: Record<string, string>
let server: ServerProcess
let token: string
let unitId: string

beforeAll(async () => {
  // The data folder's SQLite file, or (server-pg) a PostgreSQL database the server process is pointed at.
  testDatabase = await createTestDatabase(dataDir)
  env = serverEnv(dataDir, { ...keys, ...databaseEnv(testDatabase.target) })
  await createAdminFor(env, ADMIN)
  server = await startServerProcess(env)
  token = await signIn(server.api, ADMIN)
  unitId = (await server.api.post('/api/v1/units', { name: '断电测试站点' }, { token })).body.id
})
afterAll(async () => {
  await server?.stop()
  await testDatabase?.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Enrolments of the roster, counted straight from the database while no server runs. */
async function countInFile(rosterId: string): Promise<number> {
  const database = await openDatabaseTarget(testDatabase.target, { readPoolSize: 1 })
  try {
    const row = await database.db.selectFrom('enrolments').select((eb) => eb.fn.countAll<number>().as('n')).where('roster_id', '=', rosterId).executeTakeFirstOrThrow()
    return Number(row.n)
  } finally {
    await database.close()
  }
}

async function uploadFresh(name: string): Promise<string> {
  const file = join(dataDir, name)
  await writeLargeRoster(file, ROWS)
  const res = await server.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
    token, rawBody: new Uint8Array(readFileSync(file)), headers: { 'content-type': XLSX },
  })
  expect([res.status, res.body.validCount]).toEqual([201, ROWS])
  return res.body.id
}

const outcomes: string[] = []
let baselineMs = 0

test('baseline: an import that is not interrupted (its duration sets the kill moments)', async () => {
  const rosterId = await uploadFresh('baseline.xlsx')
  const started = performance.now()
  const res = await server.api.post(`/api/v1/units/${unitId}/rosters/${rosterId}/import`, {}, { token })
  baselineMs = performance.now() - started
  expect([res.status, res.body.importedCount]).toEqual([200, ROWS])
})

// Kill at these fractions of the baseline import's duration: early, mid-transaction, near the commit, after it.
describe.each([0.25, 0.6, 0.9, 1.4])('SIGKILL at %f × the import’s duration', (fraction) => {
  test('leaves 0 or 10,000 enrolments, and the roster’s state agrees', async () => {
    const delay = Math.round(baselineMs * fraction)
    const rosterId = await uploadFresh(`crash-${fraction}.xlsx`)
    const importing = fetch(`${server.baseUrl}/api/v1/units/${unitId}/rosters/${rosterId}/import`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}',
    }).catch(() => undefined)
    await new Promise((r) => setTimeout(r, delay))
    await server.kill('SIGKILL')
    await importing

    const count = await countInFile(rosterId)
    outcomes.push(`${delay} ms → ${count}`)
    expect([0, ROWS]).toContain(count)

    server = await startServerProcess(env) // the session survives the restart: it is in the database
    const roster = await server.api.get(`/api/v1/units/${unitId}/rosters/${rosterId}`, { token })
    expect(roster.body.status).toBe(count === ROWS ? 'imported' : 'checked')
    expect(roster.body.importedCount).toBe(count === ROWS ? ROWS : null)
    if (count === 0) {
      // Nothing half-done blocks a retry: the same roster imports whole.
      const retry = await server.api.post(`/api/v1/units/${unitId}/rosters/${rosterId}/import`, {}, { token })
      expect([retry.status, retry.body.importedCount]).toEqual([200, ROWS])
    }
  })
})

afterAll(() => {
  // Which side of the commit each kill fell on, for the record (both are correct).
  console.log(`kill -9 outcomes (baseline ${Math.round(baselineMs)} ms; delay → enrolments found): ${outcomes.join('; ')}`)
})
