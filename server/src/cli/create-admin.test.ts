import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { loadConfig } from '../config'
import { createDataProtector } from '../crypto/protector'
import { openDatabaseTarget } from '../db/open'
import { createTestDatabase, databaseEnv, type TestDatabase } from '../../test/helpers/test-database'

const run = promisify(execFile)
const serverDir = join(__dirname, '../..')

describe('create-admin script', () => {
  let dir: string
  let testDatabase: TestDatabase
  // The CLI takes the server's database from the same environment: the data folder's SQLite file, or DATABASE_URL.
  const env = () => ({ ...process.env, NODE_ENV: 'test', HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key, HUZHU_SIGNING_KEY: key, ...databaseEnv(testDatabase.target) })
  const key = randomBytes(32).toString('base64')
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-'))
    testDatabase = await createTestDatabase(dir)
  })
  afterAll(async () => {
    await testDatabase.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const createAdmin = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', ...args], { cwd: serverDir, env: env() })

  test('makes the phone’s account an admin, once; prints the id, never the full phone', async () => {
    const first = await createAdmin('--phone', '+86 138-0013-8000')
    expect(first.stdout).toMatch(/^admin granted: usr_\w{26} \(138\*\*\*\*8000\)\n$/)
    const second = await createAdmin('--phone', '13800138000')
    expect(second.stdout).toMatch(/^already an admin: usr_/)
    expect(second.stdout.slice(-30)).toBe(first.stdout.replace('admin granted', 'already an admin').slice(-30))

    const { config } = loadConfig(env())
    const database = await openDatabaseTarget(config.database)
    try {
      const grants = await database.db.selectFrom('role_grants').selectAll().execute()
      expect(grants).toEqual([expect.objectContaining({ role: 'admin', unit_id: null })])
      const users = await database.db.selectFrom('users').selectAll().execute()
      expect(users).toEqual([expect.objectContaining({ id: grants[0]!.user_id, phone_hash: createDataProtector(config.secrets.dataKey).hash('phone', '13800138000') })])
    } finally {
      await database.close()
    }
  }, 30_000)

  test('refuses a bad phone with usage and exit code 2', async () => {
    await expect(createAdmin('--phone', '12345')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') })
    await expect(createAdmin()).rejects.toMatchObject({ code: 2 })
  }, 30_000)
})
