import { builtInCatalogues, parseCreditCode, parseRegionCode } from '@huzhu/shared'
import { loadConfig } from '../config'
import { FIXED_CODE, startTestApp, type TestApp } from '../../test/helpers'
import { DEMO_UNITS } from './office'
import { DEMO_PHONES, seedDemoData } from './seed'

jest.setTimeout(120_000)

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const all = builtInCatalogues()
const depsOf = (on: TestApp) => ({
  clock: on.clock, protector: on.protector, config: on.config, blobs: on.deps.blobs, catalogues: { list: () => [...all.values()], get: (id: string) => all.get(id) },
})
const count = async (table: 'users' | 'units' | 'enrolments' | 'outreach_events' | 'payments' | 'rosters' | 'insured_persons') =>
  (await app.db.selectFrom(table).select('id').execute()).length

async function signIn(phone: string): Promise<string> {
  await app.api.post('/api/v1/auth/sms-codes', { phone })
  return (await app.api.post('/api/v1/auth/sessions', { phone, code: FIXED_CODE })).body.token
}

/** What the office looks like, in figures that do not depend on generated ids: the same seed must give the same. */
async function officeFigures(on: TestApp) {
  const enrolments = await on.db.selectFrom('enrolments as e').leftJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.accepted_on', 'e.start_on', 'e.status', 'e.funding_source', 'e.premium_fen', 'u.name']).orderBy('e.accepted_on').orderBy('u.name').orderBy('e.status').execute()
  const units = await on.db.selectFrom('units').select(['name', 'credit_code', 'region_code', 'industry', 'union_member_headcount', 'funding_source']).orderBy('name').execute()
  const persons = await on.db.selectFrom('insured_persons').select(['name', 'birth_date', 'sex']).orderBy('birth_date').orderBy('name').execute()
  return { enrolments, units, persons }
}

test('seeds accounts by role and an office of six units in two cities, a few hundred riders enrolled over months; once', async () => {
  expect(await seedDemoData(app.db, depsOf(app))).toBe(true)

  // Units: valid credit codes and GB/T 2260 codes, in 西安 (6101) and 宝鸡 (6103), each with an occupation and its union members.
  const units = await app.db.selectFrom('units').selectAll().execute()
  expect(units.map((u) => u.name).sort()).toEqual(DEMO_UNITS.map((u) => u.name).sort())
  for (const unit of units) {
    expect(parseCreditCode(unit.credit_code)).toEqual({ ok: true, value: unit.credit_code })
    expect(parseRegionCode(unit.region_code)).toMatchObject({ ok: true })
    expect(unit.industry).not.toBeNull()
    expect(unit.union_member_headcount).toBeGreaterThan(0)
  }
  expect(new Set(units.map((u) => u.region_code!.slice(0, 4)))).toEqual(new Set(['6101', '6103']))
  expect(new Set(units.map((u) => u.credit_code)).size).toBe(units.length)

  // A few hundred riders, enrolled over at least six months, paid by every kind of payer.
  expect(await count('insured_persons')).toBeGreaterThanOrEqual(250)
  const enrolments = await app.db.selectFrom('enrolments').select(['status', 'accepted_on', 'funding_source', 'event_id', 'unit_id']).execute()
  const active = enrolments.filter((e) => e.status === 'active')
  expect(active.length).toBeGreaterThanOrEqual(250)
  expect(new Set(active.map((e) => e.accepted_on.slice(0, 7))).size).toBeGreaterThanOrEqual(6)
  expect(new Set(active.map((e) => e.funding_source))).toEqual(new Set(['union_gift', 'unit', 'member', 'split']))
  expect(active.filter((e) => e.event_id !== null).length).toBeGreaterThanOrEqual(20)
  expect(active.filter((e) => e.unit_id === null && e.event_id === null).length).toBeGreaterThanOrEqual(5)
  // Nothing is dated after today (the clock's 2026-11-24 in China).
  expect(enrolments.every((e) => e.accepted_on <= '2026-11-24')).toBe(true)
  // Two rosters wait for their unit's payment: 雁塔's new one (3 days old) and 长安's young drivers'.
  expect(enrolments.filter((e) => e.status === 'pending_payment')).toHaveLength(30)
  expect(await count('outreach_events')).toBe(3)
  expect(await count('rosters')).toBe(DEMO_UNITS.reduce((n, u) => n + u.rosters.length, 0))

  // 长安区货运司机分会: a fifth of its union members covered, the older ones (the adverse-selection signals have a unit).
  const changan = units.find((u) => u.name === '长安区货运司机分会')!
  const changanCovered = await app.db.selectFrom('enrolments as e').innerJoin('insured_persons as p', 'p.id', 'e.insured_person_id')
    .select(['e.status', 'p.birth_date']).where('e.unit_id', '=', changan.id).execute()
  const paid = changanCovered.filter((e) => e.status === 'active')
  expect(paid.length / changan.union_member_headcount!).toBeLessThan(0.5)
  const meanYear = (rows: { birth_date: string }[]) => rows.reduce((s, r) => s + Number(r.birth_date.slice(0, 4)), 0) / rows.length
  expect(meanYear(changanCovered) - meanYear(paid)).toBeGreaterThanOrEqual(3)

  const roles = async (phone: string) => (await app.api.get('/api/v1/me', { token: await signIn(phone) })).body.roles
  expect(await roles(DEMO_PHONES.admin)).toContain('admin')
  expect(await roles(DEMO_PHONES.staff)).toContain('staff')
  expect(await roles(DEMO_PHONES.reviewer)).toContain('reviewer')
  expect(await roles(DEMO_PHONES.unitAdmin)).toContain('unit_admin')

  const member = await signIn(DEMO_PHONES.members[0])
  const mine = await app.api.get('/api/v1/me/enrolments', { token: member })
  expect(mine.body.enrolments).toEqual([expect.objectContaining({ status: 'active', coverState: 'covered', unit: expect.objectContaining({ name: '碑林区外卖骑手站' }) })])
  expect((await app.api.get(`/api/v1/enrolments/${mine.body.enrolments[0].id}/certificate`, { token: member })).status).toBe(200)

  const users = await count('users')
  const enrolled = await count('enrolments')
  expect(await seedDemoData(app.db, depsOf(app))).toBe(false)
  expect(await count('users')).toBe(users)
  expect(await count('enrolments')).toBe(enrolled)
})

test('the same day gives the same office: units, riders, dates, payers and premiums', async () => {
  const second = await startTestApp()
  try {
    expect(await seedDemoData(second.db, depsOf(second))).toBe(true)
    const [a, b] = [await officeFigures(app), await officeFigures(second)]
    expect(b.units).toEqual(a.units)
    expect(b.persons).toEqual(a.persons)
    expect(b.enrolments).toEqual(a.enrolments)
  } finally {
    await second.close()
  }
})

test('refused in production, like SMS_FIXED_CODE', () => {
  expect(() => loadConfig({ NODE_ENV: 'production', HUZHU_DEMO_DATA: '1', SMS_PROVIDER: 'console', HUZHU_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), HUZHU_SIGNING_KEY: Buffer.alloc(32, 2).toString('base64') }))
    .toThrow(/HUZHU_DEMO_DATA must not be set/)
})
