import {
  XLSX, claimant, createUnit, rosterRow, rosterXlsx, freshIdNumber, loginAs, setChinaDate, setUnitSelection, startTestApp, submitTestClaim, type TestApp, type TestUser,
} from '../../../test/helpers'

/**
 * Each catalogue says whether a person may be enrolled through two units at once
 * (`twoUnitsAtOnce`): Shanghai yes, paid by the overlap rule; Shaanxi no. The
 * enrolment overlap check (new hires, rosters) follows the flag.
 */
let app: TestApp
let staff: TestUser
beforeAll(async () => {
  app = await startTestApp()
  // Before Shanghai's plan year: unit enrolments are collective, cover from 2020-04-01 without waiting.
  setChinaDate(app, '2020-03-20')
  staff = await loginAs(app, { roles: ['staff'] })
}, 30_000)
afterAll(() => app.close())

const hire = (unitId: string, body: Record<string, unknown>, token = staff.token) => app.api.post(`/api/v1/units/${unitId}/new-hires`, body, { token })
const personOf = (idNumber: string, mobile: string) => ({
  name: '测试会员', idNumber, mobile, occupation: 'food_delivery', platform: '测试平台', basicMedicalInsurance: true, unionMember: true,
})

async function unitOn(catalogueId: string, products: string[], name: string): Promise<string> {
  const unitId = await createUnit(app, name)
  await setUnitSelection(app, unitId, catalogueId, products)
  return unitId
}

test('Shanghai: a second unit enrols a person who holds cover through the first; a claim is paid by the overlap rule', async () => {
  const idNumber = freshIdNumber()
  const unitA = await unitOn('shanghai-2020', ['A0', 'B0', 'C0'], '黄浦区外卖站')
  const unitB = await unitOn('shanghai-2020', ['A0', 'A2'], '浦东新区快递站')
  // Through unit A: A0+B0+C0, collective, active (the claimant helper writes it).
  const member = await claimant(app, { profile: { idNumber }, enrolment: { unitId: unitA } })

  const second = await hire(unitB, personOf(idNumber, member.phone))
  expect(second.status).toBe(201)
  expect(second.body).toMatchObject({ unit: { id: unitB }, start: '2020-04-01', end: '2021-03-31', products: [{ code: 'A0', shares: 1 }, { code: 'A2', shares: 1 }] })
  // The same unit twice is still a second enrolment.
  const again = await hire(unitA, personOf(idNumber, member.phone))
  expect(again.status).toBe(409)
  expect(again.body.error.code).toBe('enrolment_overlap')
  await app.db.updateTable('enrolments').set({ status: 'active' }).where('id', '=', second.body.id).execute()

  // June: both covers in force. The claim on unit A's cover pays A0 once, and unit B's A2 days.
  setChinaDate(app, '2020-06-05')
  const signedIn = { ...member, token: (await loginAs(app, { phone: member.phone })).token }
  const claim = await submitTestClaim(app, signedIn, { figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 5 } })
  const lines = claim.estimate.lines.map((l) => [l.product, l.part ?? null, l.refusal?.code ?? null, l.amountFen])
  expect(lines).toEqual(expect.arrayContaining([
    ['A0', 'pooled', null, 480_000], ['A0', 'supplementary', null, 140_000], ['A0', null, 'overlap_one_share', 0],
  ]))
  expect(claim.estimate.lines.filter((l) => l.product === 'A2' && l.refusal === null).reduce((s, l) => s + l.amountFen, 0)).toBe(100_000)
  expect(claim.estimate.totalFen).toBe(480_000 + 140_000 + 100_000)
})

test('Shaanxi: one share per person, the second unit’s enrolment is refused (409) and nothing is written', async () => {
  setChinaDate(app, '2026-11-20')
  const token = (await loginAs(app, { roles: ['staff'] })).token
  const unitC = await unitOn('shaanxi-gig-2023', ['ZY'], '碑林区骑手站')
  const unitD = await unitOn('shaanxi-gig-2023', ['ZY'], '雁塔区骑手站')
  const person = personOf(freshIdNumber(), '13912345670')
  expect((await hire(unitC, person, token)).status).toBe(201)
  const second = await hire(unitD, person, token)
  expect(second.status).toBe(409)
  expect(second.body.error.code).toBe('enrolment_overlap')
  const rows = await app.db.selectFrom('enrolments').select('id').where('unit_id', '=', unitD).execute()
  expect(rows).toEqual([])
})

test('rosters follow the flag too: a Shanghai roster of another unit imports the person; a Shaanxi one refuses the row', async () => {
  setChinaDate(app, '2020-05-10')
  let token = (await loginAs(app, { roles: ['staff'] })).token
  const upload = async (unitId: string, catalogueId: string, rows: Parameters<typeof rosterXlsx>[0]) => {
    const res = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=${catalogueId}`, undefined, {
      token, rawBody: new Uint8Array(await rosterXlsx(rows)), headers: { 'content-type': XLSX },
    })
    expect(res.status).toBe(201)
    return res.body as { id: string; validCount: number; errors: { code: string }[] }
  }
  // Shanghai: a person enrolled through unit G is a good row of unit H's roster, and is imported.
  const unitG = await unitOn('shanghai-2020', ['A0', 'B0', 'C0'], '长宁区外卖站')
  const unitH = await unitOn('shanghai-2020', ['A0', 'B0', 'C0'], '普陀区外卖站')
  const shanghaiId = freshIdNumber()
  expect((await hire(unitG, personOf(shanghaiId, '13912345672'), token)).status).toBe(201)
  const accepted = await upload(unitH, 'shanghai-2020', [rosterRow(1, { 3: shanghaiId, 8: 'A0,B0,C0' })])
  expect(accepted.errors).toEqual([])
  expect(accepted.validCount).toBe(1)
  const imported = await app.api.post(`/api/v1/units/${unitH}/rosters/${accepted.id}/import`, {}, { token })
  expect(imported.status).toBe(200)
  const held = await app.db.selectFrom('enrolments').select('unit_id').where('unit_id', 'in', [unitG, unitH]).execute()
  expect(held.map((h) => h.unit_id).sort()).toEqual([unitG, unitH].sort())

  // Shaanxi: a person enrolled through unit E is an error on unit F's roster.
  setChinaDate(app, '2026-11-21')
  token = (await loginAs(app, { roles: ['staff'] })).token
  const unitE = await unitOn('shaanxi-gig-2023', ['ZY'], '新城区骑手站')
  const unitF = await unitOn('shaanxi-gig-2023', ['ZY'], '莲湖区骑手站')
  const idNumber = freshIdNumber()
  expect((await hire(unitE, personOf(idNumber, '13912345671'), token)).status).toBe(201)
  const refused = await upload(unitF, 'shaanxi-gig-2023', [rosterRow(1, { 3: idNumber })])
  expect(refused.errors.map((e) => e.code)).toEqual(['enrolment_overlap'])
  expect(refused.validCount).toBe(0)
})
