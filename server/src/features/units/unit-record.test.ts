import { createUnit, freshIdNumber, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

/**
 * A unit's record as office staff keep it (issue 11, item 4): the unified
 * social credit code checked by its check character and unique, the GB/T 2260
 * region, the occupation, the union members (the coverage rate), the standing
 * selection and who pays with the split. Every change is audited; bad input
 * changes nothing.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const TENCENT = '91440300708461136T'
const HUAWEI = '914403001922038216'
const record = {
  name: '碑林区外卖骑手站', creditCode: TENCENT, regionCode: '610103', industry: 'food_delivery', unionMemberHeadcount: 40,
  catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'split', fundingSplit: { unionFen: 5_000, unitFen: 3_000, memberFen: 2_000 },
}
const create = (body: unknown, token = users.staff.token) => app.api.post('/api/v1/units', body, { token })
const put = (unitId: string, body: unknown, token = users.staff.token) => app.api.put(`/api/v1/units/${unitId}`, body, { token })
const unitRow = (id: string) => app.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const unitCount = async () => (await app.db.selectFrom('units').select('id').execute()).length
const auditOf = (resource: string) => app.db.selectFrom('audit_log').selectAll().where('resource', '=', resource).orderBy('id').execute()

describe('creating and editing a unit', () => {
  let unitId: string

  test('office staff create a unit with its whole record; the region is named; the creation is audited', async () => {
    const res = await create({ ...record, creditCode: ' 9144 0300 7084 6113 6t ' })
    expect(res.status).toBe(201)
    unitId = res.body.id
    expect(res.body).toEqual({
      id: expect.stringMatching(/^unt_/), createdAt: expect.any(String), ...record, creditCode: TENCENT, regionName: '陕西省西安市碑林区',
      counts: { enrolled: 0, pendingPayment: 0, active: 0, premiumDueFen: 0 }, coverage: { coveredMembers: 0, rateBp: 0 },
    })
    expect(await unitRow(unitId)).toMatchObject({ credit_code: TENCENT, region_code: '610103', union_member_headcount: 40, split_union_fen: 5_000 })
    const [line] = await auditOf(`unit:${unitId}`)
    expect(line).toMatchObject({ action: 'create', actor_user_id: users.staff.id })
    expect(JSON.parse(line!.fields)).toEqual(expect.arrayContaining(['name', 'creditCode', 'regionCode', 'industry', 'unionMemberHeadcount', 'fundingSplit']))
    const listed = await app.api.get('/api/v1/units', { token: users.staff.token })
    expect(listed.body.units).toContainEqual(expect.objectContaining({ id: unitId, creditCode: TENCENT, regionName: '陕西省西安市碑林区', industry: 'food_delivery' }))
  })

  test('editing replaces the record; the audit line names the fields that changed', async () => {
    const res = await put(unitId, { ...record, name: '碑林区外卖骑手站（南院门）', regionCode: '610113', unionMemberHeadcount: 50, fundingSource: 'unit', fundingSplit: null }, users.admin.token)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: '碑林区外卖骑手站（南院门）', regionName: '陕西省西安市雁塔区', unionMemberHeadcount: 50, fundingSource: 'unit', fundingSplit: null, creditCode: TENCENT })
    expect(await unitRow(unitId)).toMatchObject({ split_union_fen: null, split_unit_fen: null, split_member_fen: null })
    const lines = await auditOf(`unit:${unitId}`)
    expect(lines.map((l) => l.action)).toEqual(['create', 'update'])
    expect(JSON.parse(lines[1]!.fields).sort()).toEqual(['fundingSource', 'fundingSplit', 'name', 'regionCode', 'unionMemberHeadcount'])
    // Saving the same record again changes nothing and writes no audit line.
    expect((await put(unitId, { ...record, name: '碑林区外卖骑手站（南院门）', regionCode: '610113', unionMemberHeadcount: 50, fundingSource: 'unit', fundingSplit: null })).status).toBe(200)
    expect(await auditOf(`unit:${unitId}`)).toHaveLength(2)
  })

  test('a wrong check character is a 400 unit_credit_code_invalid in Chinese, and nothing is made or changed', async () => {
    const before = await unitCount()
    const bad = await create({ ...record, creditCode: '91440300708461136X' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toEqual({
      code: 'unit_credit_code_invalid',
      message: '统一社会信用代码有误：统一社会信用代码校验不通过，可能有一位输错了，请对照登记证书逐位核对',
      details: [{ path: 'creditCode', code: 'credit_code_checksum', message: '统一社会信用代码校验不通过，可能有一位输错了，请对照登记证书逐位核对' }],
    })
    const letterO = await put(unitId, { ...record, creditCode: '9144O300708461136T' })
    expect([letterO.status, letterO.body.error.code, letterO.body.error.details[0].code]).toEqual([400, 'unit_credit_code_invalid', 'credit_code_characters'])
    expect(await unitCount()).toBe(before)
    expect((await unitRow(unitId)).credit_code).toBe(TENCENT)
  })

  test('a region code that is not GB/T 2260 is a 400 unit_region_code_invalid; another province’s code passes on its structure', async () => {
    const bad = await create({ ...record, creditCode: null, regionCode: '610199' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'unit_region_code_invalid', message: '所在地区有误：陕西省没有代码为 610199 的市或区县，请核对' })
    expect((await create({ ...record, creditCode: null, regionCode: '61010' })).body.error.details[0].code).toBe('region_code_format')
    const henan = await create({ ...record, name: '郑州金水区骑手站', creditCode: null, regionCode: '410105' })
    expect([henan.status, henan.body.regionName]).toEqual([201, '河南省（410105）'])
  })

  test('a credit code already registered is a 409 naming the unit that holds it, on create and on edit', async () => {
    const before = await unitCount()
    const dup = await create({ ...record, name: '重复登记', creditCode: TENCENT.toLowerCase() })
    expect(dup.status).toBe(409)
    expect(dup.body.error).toMatchObject({ code: 'unit_credit_code_taken', message: `统一社会信用代码 ${TENCENT} 已登记为“碑林区外卖骑手站（南院门）”，同一单位不能登记两次` })
    expect(await unitCount()).toBe(before)
    const other = await create({ ...record, name: '另一家单位', creditCode: HUAWEI })
    expect(other.status).toBe(201)
    const taken = await put(other.body.id, { ...record, name: '另一家单位', creditCode: TENCENT })
    expect([taken.status, taken.body.error.code]).toEqual([409, 'unit_credit_code_taken'])
    expect((await unitRow(other.body.id)).credit_code).toBe(HUAWEI)
    // Units without a code are many: no code is not a duplicate.
    expect((await create({ name: '无代码站点甲' })).status).toBe(201)
    expect((await create({ name: '无代码站点乙', creditCode: '' })).status).toBe(201)
  })

  test('who pays: a split must add up to the selection’s full-year premium and needs two payers', async () => {
    const mismatch = await put(unitId, { ...record, fundingSplit: { unionFen: 5_000, unitFen: 3_000, memberFen: 3_000 } })
    expect(mismatch.status).toBe(422)
    expect(mismatch.body.error).toMatchObject({ code: 'unit_split_total_mismatch', message: '各方承担的金额合计 110.00 元，应等于每人全年保费 100.00 元' })
    expect((await put(unitId, { ...record, fundingSplit: null })).body.error.code).toBe('unit_split_required')
    expect((await put(unitId, { ...record, fundingSource: 'unit' })).body.error.code).toBe('unit_split_not_split')
    expect((await put(unitId, { ...record, fundingSplit: { unionFen: 0, unitFen: 10_000, memberFen: 0 } })).body.error.code).toBe('unit_split_single_payer')
    expect((await put(unitId, { ...record, catalogueId: null, products: [] })).body.error.code).toBe('unit_split_needs_selection')
    expect((await put(unitId, { ...record, fundingSplit: { unionFen: 50.5, unitFen: 3_000, memberFen: 2_000 } })).status).toBe(400)
    expect(await unitRow(unitId)).toMatchObject({ funding_source: 'unit', split_union_fen: null })
  })

  test('bad fields are 400s: headcount, occupation', async () => {
    expect((await put(unitId, { ...record, unionMemberHeadcount: -1 })).status).toBe(400)
    expect((await put(unitId, { ...record, unionMemberHeadcount: 1.5 })).status).toBe(400)
    expect((await put(unitId, { ...record, industry: 'astronaut' })).status).toBe(400)
  })

  test('only office staff and admins create or edit; a unit admin reads their own unit but cannot edit it', async () => {
    for (const role of ['unit_admin', 'reviewer', 'member'] as const) {
      expect((await create({ name: '不该有' }, users[role].token)).status).toBe(403)
      expect((await put(users.unitId, record, users[role].token)).status).toBe(403)
    }
    expect((await app.api.get(`/api/v1/units/${users.unitId}`, { token: users.unit_admin.token })).status).toBe(200)
    expect((await put('unt_01JAAAAAAAAAAAAAAAAAAAAAAA', { name: '无' })).status).toBe(404)
  })
})

describe('coverage rate', () => {
  test('paid members ÷ union members, in basis points rounded half-up; unpaid ones do not count; none without a headcount', async () => {
    const unitId = await createUnit(app, '覆盖率测试站')
    const selection = { name: '覆盖率测试站', catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }
    expect((await put(unitId, { ...selection, unionMemberHeadcount: 3 })).body.coverage).toEqual({ coveredMembers: 0, rateBp: 0 })
    const hire = async () => {
      const res = await app.api.post(`/api/v1/units/${unitId}/new-hires`, {
        name: '赵六', idNumber: freshIdNumber(), mobile: '13912345678', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true,
      }, { token: users.staff.token })
      expect(res.status).toBe(201)
      return res.body.id as string
    }
    const paid = await hire()
    await hire() // awaiting payment: not covered yet
    const payment = await app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: 'COVERAGE-1', amountFen: 10_000, enrolmentIds: [paid] }, { token: users.staff.token })
    expect(payment.status).toBe(201)
    const detail = await app.api.get(`/api/v1/units/${unitId}`, { token: users.staff.token })
    expect(detail.body.coverage).toEqual({ coveredMembers: 1, rateBp: 3_333 })
    expect((await put(unitId, { ...selection, unionMemberHeadcount: 2 })).body.coverage).toEqual({ coveredMembers: 1, rateBp: 5_000 })
    expect((await put(unitId, { ...selection, unionMemberHeadcount: null })).body.coverage).toEqual({ coveredMembers: 1, rateBp: null })
  })
})
