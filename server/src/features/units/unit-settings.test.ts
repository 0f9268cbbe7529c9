import { countEnrolments, createUnit, freshIdNumber, loginAs, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const settings = { name: '碑林区外卖站点', catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'unit' }
const put = (unitId: string, body: unknown, token = users.staff.token) => app.api.put(`/api/v1/units/${unitId}`, body, { token })
const hire = (unitId: string, body: unknown, token = users.unit_admin.token) => app.api.post(`/api/v1/units/${unitId}/new-hires`, body, { token })
const person = () => ({
  name: '赵六', idNumber: freshIdNumber(), mobile: '13912345678', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true,
})

describe('unit settings', () => {
  test('staff set the standing selection; the detail shows it with counts', async () => {
    const unitId = await createUnit(app, '旧名')
    const res = await put(unitId, settings)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      id: unitId, createdAt: expect.any(String), ...settings, creditCode: null, regionCode: null, regionName: null, industry: null, unionMemberHeadcount: null, fundingSplit: null,
      counts: { enrolled: 0, pendingPayment: 0, active: 0, premiumDueFen: 0 }, coverage: { coveredMembers: 0, rateBp: null },
    })
    expect((await app.api.get(`/api/v1/units/${unitId}`, { token: users.admin.token })).body.name).toBe('碑林区外卖站点')
  })

  test('bad settings are refused and change nothing; only staff and admins may set them', async () => {
    const unitId = await createUnit(app, '不变')
    expect((await put(unitId, { ...settings, fundingSource: 'nobody' })).status).toBe(400)
    expect((await put(unitId, { ...settings, name: '' })).status).toBe(400)
    expect((await put(unitId, { ...settings, catalogueId: 'atlantis' })).body.error.code).toBe('unknown_catalogue')
    const rules = await put(unitId, { ...settings, catalogueId: 'shanghai-2020', products: ['A1'] })
    expect([rules.status, rules.body.error.code]).toEqual([422, 'selection_invalid'])
    expect((await put(unitId, { ...settings, catalogueId: null })).body.error.code).toBe('unit_catalogue_required')
    expect((await put(unitId, settings, users.unit_admin.token)).status).toBe(403)
    expect((await put(unitId, settings, users.reviewer.token)).status).toBe(403)
    expect((await put('unt_01JAAAAAAAAAAAAAAAAAAAAAAA', settings)).status).toBe(404)
    const row = await app.db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: '不变', catalogue_id: null, products: '[]', funding_source: 'unit' })
  })
})

describe('POST /api/v1/units/:unitId/new-hires', () => {
  test('the unit admin enrols a new hire with the unit selection and funding; counts follow', async () => {
    expect((await put(users.unitId, { ...settings, fundingSource: 'split', fundingSplit: { unionFen: 5_000, unitFen: 3_000, memberFen: 2_000 } })).status).toBe(200)
    const body = person()
    const res = await hire(users.unitId, body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      mode: 'collective', status: 'pending_payment', fundingSource: 'split', unit: { id: users.unitId, name: settings.name },
      products: [{ code: 'ZY', shares: 1 }], premiumFen: 10000,
      person: { name: '赵*', idNumber: expect.stringContaining('*'), mobile: '139****5678' },
    })
    const detail = await app.api.get(`/api/v1/units/${users.unitId}`, { token: users.unit_admin.token })
    expect(detail.body.counts).toEqual({ enrolled: 1, pendingPayment: 1, active: 0, premiumDueFen: 10000 })
    const again = await hire(users.unitId, body, users.staff.token)
    expect([again.status, again.body.error.code]).toEqual([409, 'enrolment_overlap'])
    // The unit admin now sees it in the unit's list, masked.
    const list = await app.api.get(`/api/v1/enrolments?unitId=${users.unitId}`, { token: users.unit_admin.token })
    expect(list.body.enrolments.map((e: { id: string }) => e.id)).toContain(res.body.id)
    expect((await app.api.get(`/api/v1/enrolments/${res.body.id}`, { token: users.unit_admin.token })).status).toBe(200)
  })

  test('refusals: another unit, no unit selection, bad fields, not eligible; nothing written', async () => {
    const other = await createUnit(app, '别的单位')
    const before = await countEnrolments(app)
    expect((await hire(other, person())).status).toBe(403)
    const noSelection = await hire(other, person(), users.staff.token)
    expect([noSelection.status, noSelection.body.error.code]).toEqual([422, 'unit_selection_missing'])
    expect((await hire(users.unitId, { ...person(), idNumber: '610102199001011230' })).status).toBe(400)
    expect((await hire(users.unitId, { ...person(), mobile: '123' })).status).toBe(400)
    const ineligible = await hire(users.unitId, { ...person(), basicMedicalInsurance: false })
    expect([ineligible.status, ineligible.body.error.code]).toEqual([422, 'enrolment_not_eligible'])
    expect((await hire(users.unitId, person(), users.member.token)).status).toBe(403)
    expect((await hire(users.unitId, person(), users.admin.token)).status).toBe(403)
    expect(await countEnrolments(app)).toBe(before)
  })

  test('the hired person later signs up with the phone the unit gave and sees the unit’s cover as their own', async () => {
    const body = { ...person(), mobile: '13912345601' }
    const res = await hire(users.unitId, body)
    expect(res.status).toBe(201)
    const member = await loginAs(app, { phone: body.mobile })
    await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: member.token })
    await app.api.put('/api/v1/me/profile', body, { token: member.token })
    const mine = await app.api.get('/api/v1/me/enrolments', { token: member.token })
    expect(mine.body.enrolments).toEqual([expect.objectContaining({ id: res.body.id, person: expect.objectContaining({ idNumber: body.idNumber, name: '赵六' }) })])
  })
})
