/**
 * The spreadsheet limits against the real server process (tsx src/main.ts):
 * ten parallel 5 MB shared-string bombs leave it up under 1 GB; a zip lying
 * about its sizes is refused; and no temporary file (ID numbers in clear) is
 * left in the system's temp folder or in the data folder's, with leftovers
 * of a crash swept at start. The bombs are generated here, never committed.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createAdminFor, newDataDir, rosterRow, rosterXlsx, serverEnv, signIn, startServerProcess, XLSX, type ServerProcess,
} from '../../test/helpers'
import { uploadInParallel } from '../../test/helpers/xlsx-attack'
import { lyingSizeRoster, sharedStringsBomb } from '../../test/helpers/xlsx-files'

jest.setTimeout(240_000)

const ADMIN = '13800006666'
const GB = 1024 * 1024 * 1024
const { dataDir, keys } = newDataDir()
// The server's own system temp folder: whatever a library writes "to /tmp" lands here, where nothing else writes.
const systemTemp = mkdtempSync(join(tmpdir(), 'huzhu-server-tmpdir-'))
/** The server's system temp folder, less tsx's compile cache (`tsx-<uid>`: compiled source code, made at start). */
const systemTempFiles = () => readdirSync(systemTemp).filter((name) => !name.startsWith('tsx-'))
let server: ServerProcess
let token: string
let rostersPath: string

beforeAll(async () => {
  const env = serverEnv(dataDir, { ...keys, TMPDIR: systemTemp })
  await createAdminFor(env, ADMIN)
  // What a crash in the middle of an upload leaves behind: swept when the server starts.
  mkdirSync(join(dataDir, 'tmp'), { recursive: true })
  writeFileSync(join(dataDir, 'tmp', 'roster-left-by-a-crash.part'), '姓名,身份证号码\n张三,610102199001011234\n')
  mkdirSync(join(dataDir, 'rosters'), { recursive: true })
  writeFileSync(join(dataDir, 'rosters', 'rst_01JAAAAAAAAAAAAAAAAAAAAAAA.part'), 'PK')
  // Left two hours ago: the sweep takes only files older than any request (another node may share the folder).
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
  for (const left of [join(dataDir, 'tmp', 'roster-left-by-a-crash.part'), join(dataDir, 'rosters', 'rst_01JAAAAAAAAAAAAAAAAAAAAAAA.part')]) utimesSync(left, twoHoursAgo, twoHoursAgo)
  server = await startServerProcess(env)
  token = await signIn(server.api, ADMIN)
  const unit = await server.api.post('/api/v1/units', { name: '表格压力测试站点' }, { token })
  rostersPath = `/api/v1/units/${unit.body.id}/rosters`
})
afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(systemTemp, { recursive: true, force: true })
})

const upload = (bytes: Buffer) => server.api.request('POST', `${rostersPath}?catalogueId=shaanxi-gig-2023`, undefined, {
  token, rawBody: new Uint8Array(bytes), headers: { 'content-type': XLSX },
})

test('leftovers of a crash in the data folder’s temporary area are swept at start', () => {
  expect(readdirSync(join(dataDir, 'tmp'))).toEqual([])
  expect(readdirSync(join(dataDir, 'rosters'))).toEqual([])
})

test('a roster upload and five error-file downloads leave no file in the system temp folder nor in the data folder’s temporary area', async () => {
  const res = await upload(await rosterXlsx([rosterRow(1), rosterRow(2, { 3: '610102199001011235' }), rosterRow(3)]))
  expect(res.status).toBe(201)
  expect(res.body.errors).toHaveLength(1)
  for (let i = 0; i < 5; i++) {
    const file = await fetch(`${server.baseUrl}${rostersPath}/${res.body.id}/errors.xlsx`, { headers: { authorization: `Bearer ${token}` } })
    expect(file.status).toBe(200)
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1_000)
  }
  expect(systemTempFiles()).toEqual([])
  expect(readdirSync(join(dataDir, 'tmp'))).toEqual([])
  // Only the checked roster and its good rows are kept, beside the other rosters.
  expect(readdirSync(join(dataDir, 'rosters')).sort()).toEqual([`${res.body.id}.rows.jsonl`, `${res.body.id}.xlsx`])
})

test('ten parallel 5 MB shared-string bombs: each refused with a limit (or asked to come back), the server up, peak RSS under 1 GB', async () => {
  const bomb = await sharedStringsBomb()
  expect(bomb.length).toBeGreaterThan(5_000_000) // 1.9 M shared strings, 186 MB of XML
  const outcome = await uploadInParallel(server, `${rostersPath}?catalogueId=shaanxi-gig-2023`, token, bomb, 10)
  expect(outcome.alive).toBe(true)
  expect(outcome.peakRss).toBeGreaterThan(0)
  expect(outcome.peakRss).toBeLessThan(GB)
  for (const answer of outcome.answers) {
    expect(['422 spreadsheet_too_much_text', '422 spreadsheet_too_many_strings', '503 spreadsheet_busy']).toContain(`${answer.status} ${answer.code}`)
  }
  expect(outcome.answers.filter((a) => a.status === 422).length).toBeGreaterThan(0)
  expect(readdirSync(join(dataDir, 'tmp'))).toEqual([])
  expect(systemTempFiles()).toEqual([])
  // Still serving: a good roster goes through.
  expect((await upload(await rosterXlsx([rosterRow(1)]))).status).toBe(201)
})

test('a zip that declares 500 KB and inflates to 300 MB is refused as soon as it inflates past what it declared', async () => {
  const liar = await lyingSizeRoster()
  expect(liar.length).toBeLessThan(400 * 1024)
  const started = performance.now()
  const res = await upload(liar)
  expect([res.status, res.body.error.code, res.body.error.details]).toEqual([422, 'roster_invalid_file', [{ reason: 'entry_size_mismatch' }]])
  expect(performance.now() - started).toBeLessThan(5_000)
})
