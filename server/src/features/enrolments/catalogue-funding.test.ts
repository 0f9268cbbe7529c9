import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createUnit, fillProfile, freshIdNumber, loginAs, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

/**
 * A catalogue's funding order (DOMAIN.md "Funding": union first, then unit,
 * then member) declared as its default split, applied when the unit sets none.
 */
const shaanxi = JSON.parse(readFileSync(join(__dirname, '../../../../shared/catalogues/shaanxi-gig-2023.json'), 'utf8')) as Record<string, unknown>
const HENAN = 'henan-funding-test'
let app: TestApp
let users: EveryRole
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole({ catalogueFiles: { 'henan.json': { ...shaanxi, id: HENAN, name: '河南式资金顺序（测试）', funding: { unionFen: 3_000, unitFen: 4_000 } } } }))
})
afterAll(() => app.close())

async function ownEnrolment(catalogueId: string) {
  const rider = await loginAs(app)
  await fillProfile(app, rider, { idNumber: freshIdNumber() })
  const res = await app.api.post('/api/v1/me/enrolments', { catalogueId, products: ['ZY'] }, { token: rider.token })
  expect(res.status).toBe(201)
  return res.body as { id: string; shares: unknown[] }
}

async function newHire(unit: Record<string, unknown>) {
  const unitId = await createUnit(app, `资金顺序测试站${Math.random().toString(36).slice(2, 6)}`)
  const put = await app.api.put(`/api/v1/units/${unitId}`, { name: '资金顺序测试站', catalogueId: HENAN, products: ['ZY'], ...unit }, { token: users.staff.token })
  expect(put.status).toBe(200)
  const hired = await app.api.post(`/api/v1/units/${unitId}/new-hires`, {
    name: '周八', idNumber: freshIdNumber(), mobile: '13912345678', occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true,
  }, { token: users.staff.token })
  expect(hired.status).toBe(201)
  return hired.body as { shares: unknown[] }
}

describe('a catalogue’s default split', () => {
  test('a member’s own enrolment: the union’s part first, the member pays only the rest', async () => {
    expect((await ownEnrolment(HENAN)).shares).toEqual([{ payer: 'union', amountFen: 3_000, paid: false }, { payer: 'member', amountFen: 7_000, paid: false }])
    // A catalogue that declares none: the member's premium alone, as before.
    expect((await ownEnrolment('shaanxi-gig-2023')).shares).toEqual([{ payer: 'member', amountFen: 10_000, paid: false }])
  })

  test('through a unit without a split of its own: union, then unit, then member; the unit’s own split wins', async () => {
    expect((await newHire({ fundingSource: 'unit' })).shares).toEqual([{ payer: 'union', amountFen: 3_000, paid: false }, { payer: 'unit', amountFen: 7_000, paid: false }])
    expect((await newHire({ fundingSource: 'member' })).shares).toEqual([
      { payer: 'union', amountFen: 3_000, paid: false }, { payer: 'unit', amountFen: 4_000, paid: false }, { payer: 'member', amountFen: 3_000, paid: false },
    ])
    expect((await newHire({ fundingSource: 'split', fundingSplit: { unionFen: 1_000, unitFen: 5_000, memberFen: 4_000 } })).shares).toEqual([
      { payer: 'union', amountFen: 1_000, paid: false }, { payer: 'unit', amountFen: 5_000, paid: false }, { payer: 'member', amountFen: 4_000, paid: false },
    ])
  })
})
