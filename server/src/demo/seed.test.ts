import { builtInCatalogues } from '@huzhu/shared'
import { loadConfig } from '../config'
import { FIXED_CODE, startTestApp, type TestApp } from '../../test/helpers'
import { DEMO_PHONES, seedDemoData } from './seed'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const all = builtInCatalogues()
const deps = () => ({ clock: app.clock, protector: app.protector, config: app.config, blobs: app.deps.blobs, catalogues: { list: () => [...all.values()], get: (id: string) => all.get(id) } })
const count = async (table: 'users' | 'units' | 'enrolments' | 'outreach_events' | 'payments' | 'rosters') =>
  (await app.db.selectFrom(table).select('id').execute()).length

async function signIn(phone: string): Promise<string> {
  await app.api.post('/api/v1/auth/sms-codes', { phone })
  return (await app.api.post('/api/v1/auth/sessions', { phone, code: FIXED_CODE })).body.token
}

test('seeds accounts by role, two units with settings, roster enrolments (some paid), an event; once', async () => {
  expect(await seedDemoData(app.db, deps())).toBe(true)
  expect(await count('users')).toBe(6)
  expect(await count('units')).toBe(2)
  expect(await count('rosters')).toBe(2)
  expect(await count('outreach_events')).toBe(1)
  const statuses = await app.db.selectFrom('enrolments').select('status').execute()
  expect(statuses.filter((s) => s.status === 'active')).toHaveLength(24)
  expect(statuses.filter((s) => s.status === 'pending_payment')).toHaveLength(12)

  const roles = async (phone: string) => (await app.api.get('/api/v1/me', { token: await signIn(phone) })).body.roles
  expect(await roles(DEMO_PHONES.admin)).toContain('admin')
  expect(await roles(DEMO_PHONES.staff)).toContain('staff')
  expect(await roles(DEMO_PHONES.reviewer)).toContain('reviewer')
  expect(await roles(DEMO_PHONES.unitAdmin)).toContain('unit_admin')

  const member = await signIn(DEMO_PHONES.members[0])
  const mine = await app.api.get('/api/v1/me/enrolments', { token: member })
  expect(mine.body.enrolments).toEqual([expect.objectContaining({ status: 'active', coverState: 'covered', unit: expect.objectContaining({ name: '碑林区外卖骑手站' }) })])
  expect((await app.api.get(`/api/v1/enrolments/${mine.body.enrolments[0].id}/certificate`, { token: member })).status).toBe(200)

  expect(await seedDemoData(app.db, deps())).toBe(false)
  expect(await count('users')).toBe(6)
  expect(await count('enrolments')).toBe(36)
})

test('refused in production, like SMS_FIXED_CODE', () => {
  expect(() => loadConfig({ NODE_ENV: 'production', HUZHU_DEMO_DATA: '1', SMS_PROVIDER: 'console', HUZHU_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), HUZHU_SIGNING_KEY: Buffer.alloc(32, 2).toString('base64') }))
    .toThrow(/HUZHU_DEMO_DATA must not be set/)
})
