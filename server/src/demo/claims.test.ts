import { builtInCatalogues, workingDaysBetween } from '@huzhu/shared'
import { claimant, loginAs, startTestApp, type TestApp } from '../../test/helpers'
import { loadCalendar } from '../features/calendar/calendar-loader'
import { seedDemoClaims } from './claims'
import { DEMO_UNITS } from './office'
import { seedDemoData } from './seed'

jest.setTimeout(180_000)

const catalogues = builtInCatalogues()
const store = { list: () => [...catalogues.values()], get: (id: string) => catalogues.get(id) }
const depsOf = (app: TestApp) => ({ clock: app.clock, protector: app.protector, config: app.config, blobs: app.deps.blobs, catalogues: store })

const everyEnd = ['submitted', 'in_review', 'needs_material', 'approved', 'payment_in_progress', 'paid', 'rejected', 'withdrawn']

test('on any office with covered members: claims in every status through the real services, once', async () => {
  const app = await startTestApp()
  try {
    await loginAs(app, { roles: ['reviewer'] })
    await loginAs(app, { roles: ['staff'] })
    await claimant(app, { profile: { name: '刘骑手' } })
    await claimant(app, { profile: { name: '陈快递' } })
    const ids = await seedDemoClaims(app.db, depsOf(app))
    const rows = await app.db.selectFrom('claims').select(['id', 'status', 'estimate_fen', 'member_user_id', 'payee_account_id']).execute()
    expect(rows).toHaveLength(ids.length)
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(everyEnd))
    // Every claim is paid to its member's own demo card.
    const accounts = await app.db.selectFrom('payee_accounts').select(['id', 'user_id']).execute()
    expect(rows.every((r) => accounts.find((a) => a.id === r.payee_account_id)?.user_id === r.member_user_id)).toBe(true)
    expect(await seedDemoClaims(app.db, depsOf(app))).toEqual([])
  } finally {
    await app.close()
  }
})

describe('on the demo office (npm start)', () => {
  let office: TestApp
  let ids: string[]
  beforeAll(async () => {
    office = await startTestApp()
    expect(await seedDemoData(office.db, depsOf(office))).toBe(true)
    ids = await seedDemoClaims(office.db, depsOf(office))
  })
  afterAll(() => office.close())

  const claims = () => office.db.selectFrom('claims as c')
    .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id').leftJoin('units as u', 'u.id', 'e.unit_id')
    .innerJoin('insured_persons as p', 'p.id', 'c.insured_person_id')
    .select(['c.id', 'c.status', 'c.kind', 'c.event_date', 'c.submitted_at', 'c.last_material_at', 'c.paid_at', 'c.estimate_fen', 'c.approved_fen', 'c.decision',
      'u.name as unit_name', 'u.region_code', 'p.birth_date', 'e.premium_fen']).execute()

  test('claims over months in every state, each asking for something', async () => {
    const rows = await claims()
    expect(rows).toHaveLength(ids.length)
    expect(rows.length).toBeGreaterThanOrEqual(30)
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(everyEnd))
    expect(rows.filter((r) => r.estimate_fen <= 0)).toEqual([])
    expect(new Set(rows.map((r) => r.submitted_at.slice(0, 7))).size).toBeGreaterThanOrEqual(6)
    expect(rows.every((r) => r.submitted_at <= office.clock.now().toISOString())).toBe(true)
    const rejected = rows.find((r) => r.status === 'rejected')!
    expect(JSON.parse(rejected.decision!).refusal).toMatchObject({ code: 'other', number: 99 })
  })

  test('one payment the bank returned (the claim waits to be paid again), and paid claims through batches and the bank', async () => {
    const lines = await office.db.selectFrom('claim_payment_lines').select(['claim_id', 'result', 'bank_reference']).execute()
    const failed = lines.filter((l) => l.result === 'failed')
    expect(failed).toHaveLength(1)
    const returned = (await claims()).find((r) => r.id === failed[0]!.claim_id)!
    expect(returned.status).toBe('approved')
    const paid = (await claims()).filter((r) => r.status === 'paid')
    expect(paid.length).toBeGreaterThanOrEqual(15)
    for (const claim of paid) expect(lines.find((l) => l.claim_id === claim.id)).toMatchObject({ result: 'paid', bank_reference: expect.stringMatching(/^DEMO-PAY-/) })
  })

  test('settlement records imported: the 金台 hospital claims approved straight through by the system', async () => {
    expect((await office.db.selectFrom('medical_records').select('id').execute()).length).toBe(5)
    const system = await office.db.selectFrom('claim_history').select('claim_id').where('actor_role', '=', 'system').where('status', '=', 'approved').execute()
    expect(system).toHaveLength(5)
    const straight = (await claims()).filter((r) => system.some((s) => s.claim_id === r.id))
    expect(straight.every((r) => r.unit_name === '金台区快递物流工会' && r.status === 'paid')).toBe(true)
  })

  test('time to pay: most paid within 10 working days of the last material, some not', async () => {
    const calendar = await loadCalendar(office.db)
    const china = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
    const days = (await claims()).filter((r) => r.status === 'paid').map((r) => workingDaysBetween(calendar, china(r.last_material_at), china(r.paid_at!)))
    expect(days.filter((d) => d > 10).length).toBeGreaterThanOrEqual(2)
    expect(days.filter((d) => d <= 10).length / days.length).toBeGreaterThan(0.8)
  })

  test('the public page has a case group of 5 people: 西安 riders in their thirties, 1,000–4,999 yuan', async () => {
    const age = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0)
    const group = (await claims()).filter((r) => r.status === 'paid' && r.kind === 'inpatient' && r.region_code?.startsWith('6101')
      && age(r.birth_date, r.event_date) >= 30 && age(r.birth_date, r.event_date) <= 39 && r.approved_fen! >= 100_000 && r.approved_fen! < 500_000)
    expect(new Set(group.map((r) => r.id)).size).toBeGreaterThanOrEqual(5)
  })

  test('the messages of the office\'s past count as sent: the first start sends no months-old notices', async () => {
    const queued = await office.db.selectFrom('outbox').select(['created_at', 'done_at']).execute()
    expect(queued.length).toBeGreaterThan(30)
    const startOfToday = new Date(Date.parse('2026-11-24T00:00:00.000+08:00')).toISOString()
    expect(queued.filter((m) => m.created_at < startOfToday && m.done_at === null)).toEqual([])
  })

  test('金台区快递物流工会 claims more than twice the office\'s loss ratio; the office as a whole pays less than it collects', async () => {
    const premiums = await office.db.selectFrom('enrolments as e').leftJoin('units as u', 'u.id', 'e.unit_id')
      .select(['u.name', 'e.premium_fen']).where('e.status', '=', 'active').execute()
    const paid = (await claims()).filter((r) => r.status === 'paid')
    const ratio = (unit?: string) => paid.filter((r) => !unit || r.unit_name === unit).reduce((s, r) => s + r.approved_fen!, 0)
      / premiums.filter((p) => !unit || p.name === unit).reduce((s, p) => s + p.premium_fen, 0)
    expect(ratio()).toBeLessThan(1)
    expect(ratio(DEMO_UNITS[5]!.name)).toBeGreaterThanOrEqual(2 * ratio())
  })
})
