import { ageOn, type CivilDate } from '@huzhu/shared'
import { startTestApp, loginAs, type TestApp } from '../../../test/helpers'

/**
 * The public figures of a plan year, without login: counted from rows written
 * here; the paid cases shown only in groups of at least 5 people (a group
 * of fewer is shown at the province, or hidden); cached.
 */
let app: TestApp
let memberId: string
const now = '2024-12-01T00:00:00.000Z'
let seq = 0
const paidClaims: { approved: number; days: number; personId: string }[] = []
const names: string[] = []
const births: string[] = []

async function unit(id: string, region: string) {
  await app.db.insertInto('units').values({ id, name: id, created_at: now, region_code: region }).execute()
}

/** A person, their active enrolment starting `start` through `unitId`, and their paid claims. */
async function person(unitId: string, birth: string, start: string, claims: { kind: string; approved: number; days: number }[], status = 'active') {
  const n = ++seq
  const id = `ins_tr${n}`
  const name = `公开测试${n}号`
  names.push(name)
  births.push(birth)
  await app.db.insertInto('insured_persons').values({
    id, id_number_hash: `tr-${n}`, id_number_ciphertext: 'x', name, sex: 'M', birth_date: birth, mobile_ciphertext: null, mobile_hash: null,
    occupation: null, platform: null, basic_medical_insurance: 1, created_at: now, updated_at: now,
  }).execute()
  const enrolmentId = `enr_tr${n}`
  await app.db.insertInto('enrolments').values({
    id: enrolmentId, insured_person_id: id, catalogue_id: 'shaanxi-gig-2023', mode: 'instant', status, products: '["GIG"]', accepted_on: start, start_on: start,
    end_on: start, cover_from: '{}', premium_fen: 10_000, premium_lines: '[]', funding_source: 'member', unit_id: unitId, event_id: null, roster_id: null,
    payment_id: null, created_by: null, created_at: now, updated_at: now, cancelled_at: null, cancel_reason: null, renews_enrolment_id: null,
  }).execute()
  for (const [i, c] of claims.entries()) {
    await app.db.insertInto('claims').values({
      id: `clm_tr${n}_${i}`, member_user_id: memberId, enrolment_id: enrolmentId, insured_person_id: id, catalogue_id: 'shaanxi-gig-2023', unit_id: unitId, cover_start_on: start, kind: c.kind,
      event_date: '2024-07-01', age_at_event: ageOn(birth as CivilDate, '2024-07-01'), diagnosis: 'x', hospital: null, figures: '{}', invoice_numbers: '[]', status: 'paid', submitted_at: now, last_material_at: now,
      due_on: '2024-12-15', due_on_provisional: 0, estimate_fen: c.approved, estimate_lines: '[]', flags: '[]', flagged: 0, decision: null, approved_fen: c.approved,
      decided_by: null, payee_account_id: null, payment_batch_id: null, payment_reference: null, paid_at: now, paid_on: '2024-12-10', paid_working_days: c.days,
      created_at: now, updated_at: now,
    }).execute()
    if (status === 'active' && start.startsWith('2024')) paidClaims.push({ approved: c.approved, days: c.days, personId: id })
  }
}

beforeAll(async () => {
  app = await startTestApp()
  memberId = (await loginAs(app)).id
  await unit('unt_tr_xa1', '610103')
  await unit('unt_tr_xa2', '610113')
  await unit('unt_tr_bj', '610302')
  // Six people in Xi'an alike: a group that may be shown at the city.
  for (let i = 0; i < 6; i++) await person(i % 2 ? 'unt_tr_xa1' : 'unt_tr_xa2', '1989-06-15', '2024-03-01', [{ kind: 'inpatient', approved: 200_000 + i, days: 8 }])
  // One person in Baoji alike them: the only one there, and nobody else in the province to hide among: hidden.
  await person('unt_tr_bj', '1989-06-15', '2024-03-02', [{ kind: 'inpatient', approved: 300_000, days: 9 }])
  // Three in Xi'an and three in Baoji alike: too few in each city, six in the province: shown at the province.
  for (let i = 0; i < 6; i++) await person(i < 3 ? 'unt_tr_xa1' : 'unt_tr_bj', '1970-01-10', '2024-04-01', [{ kind: 'critical_illness', approved: 2_000_000, days: 12 }])
  // Five cases but four people (one has two): hidden.
  await person('unt_tr_bj', '2000-02-02', '2024-05-01', [{ kind: 'accident_disability', approved: 50_000, days: 3 }, { kind: 'accident_disability', approved: 60_000, days: 4 }])
  for (let i = 0; i < 3; i++) await person('unt_tr_bj', '2000-02-02', '2024-05-01', [{ kind: 'accident_disability', approved: 70_000, days: 5 }])
  // Not of the plan year, or not paid for: not counted.
  await person('unt_tr_xa1', '1980-01-01', '2023-06-01', [{ kind: 'inpatient', approved: 999_999, days: 1 }])
  await person('unt_tr_xa1', '1980-01-01', '2024-06-01', [], 'pending_payment')
}, 60_000)
afterAll(() => app.close())

const plan = (path = '/api/v1/transparency/shaanxi-gig-2023/2024') => app.api.get(path)

test('the plan year\'s figures, without login, counted from the rows', async () => {
  const res = await plan()
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('public, max-age=300')
  const days = paidClaims.map((c) => c.days).sort((a, b) => a - b)
  const paidFen = paidClaims.reduce((s, c) => s + c.approved, 0)
  expect(res.body).toMatchObject({
    catalogueId: 'shaanxi-gig-2023', planYear: 2024, start: '2024-01-01', end: '2024-12-31',
    membersCovered: 17, premiumsFen: 17 * 10_000, claimsPaid: 18, claimsPaidFen: paidFen,
    lossRatioBp: Math.round((paidFen * 10_000) / (17 * 10_000)), medianWorkingDaysToPay: days[Math.ceil(days.length / 2) - 1],
  })
})

test('no combination shown belongs to fewer than 5 people: the lone case and the four people are hidden, three and three are shown at the province', async () => {
  const res = await plan()
  expect(res.body.cases).toEqual([
    {
      kind: 'critical_illness', amountFen: { min: 1_000_000, max: 4_999_999 }, ageYears: { min: 50, max: 59 }, place: '陕西省', placeLevel: 'province',
      workingDaysToPay: { min: 11, max: 20 }, cases: 6, people: 6, paidFen: 6 * 2_000_000,
    },
    {
      kind: 'inpatient', amountFen: { min: 100_000, max: 499_999 }, ageYears: { min: 30, max: 39 }, place: '陕西省西安市', placeLevel: 'city',
      workingDaysToPay: { min: 6, max: 10 }, cases: 6, people: 6, paidFen: 6 * 200_000 + 15,
    },
  ])
  expect(res.body.suppressedCases).toBe(1 + 5)
  for (const group of res.body.cases) expect(group.people).toBeGreaterThanOrEqual(5)
})

test('never a name, an ID number or a birth date', async () => {
  const { text } = await plan()
  for (const name of names) expect(text).not.toContain(name)
  for (const birth of new Set(births)) expect(text).not.toContain(birth)
  expect(text).not.toMatch(/ins_|id_number|birth/i)
})

test('the index lists the plan years with members', async () => {
  const res = await app.api.get('/api/v1/transparency')
  expect(res.status).toBe(200)
  expect(res.body.plans.filter((p: { catalogueId: string }) => p.catalogueId === 'shaanxi-gig-2023').map((p: { planYear: number }) => p.planYear)).toEqual([2024, 2023])
})

test('an unknown catalogue is a 404 with a message', async () => {
  const res = await plan('/api/v1/transparency/nope/2024')
  expect(res.status).toBe(404)
  expect(res.body.error).toEqual({ code: 'transparency_plan_unknown', message: '没有这个保障计划或保障年度' })
})

test('cached for five minutes: a new payment shows after that', async () => {
  const before = (await plan()).body.claimsPaid
  await person('unt_tr_xa1', '1989-06-15', '2024-08-01', [{ kind: 'inpatient', approved: 100_000, days: 2 }])
  expect((await plan()).body.claimsPaid).toBe(before)
  app.clock.advance(301_000)
  expect((await plan()).body.claimsPaid).toBe(before + 1)
})
