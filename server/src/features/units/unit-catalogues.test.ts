import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createUnit, loginAs, rosterRow, rosterXlsx, startAppWithEveryRole, XLSX, type EveryRole, type TestApp } from '../../../test/helpers'

/**
 * Which plans a unit may enrol by: a Shaanxi unit is not offered (and cannot
 * upload a roster for) Shanghai's 2020 plan or another region's. The clock
 * stands at 2026-11-24; a made-up catalogue whose plan year starts in 2028
 * takes collective enrolment today, Shanghai 2020 takes nothing any more.
 */
const madeUp: unknown = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/made-up-catalogue.json'), 'utf8'))

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole({ catalogueFiles: { 'hanjiang.json': madeUp } })))
afterAll(() => app.close())

const offered = async (unitId: string, token: string) => {
  const res = await app.api.get(`/api/v1/units/${unitId}/catalogues`, { token })
  expect(res.status).toBe(200)
  return (res.body.catalogues as { id: string }[]).map((c) => c.id).sort()
}
const upload = async (unitId: string, catalogueId: string, token = users.unit_admin.token) =>
  app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=${catalogueId}`, undefined, {
    token, rawBody: new Uint8Array(await rosterXlsx([rosterRow(1)])), headers: { 'content-type': XLSX },
  })
const setSelection = (unitId: string, catalogueId: string | null, products: string[]) =>
  app.api.put(`/api/v1/units/${unitId}`, { name: '某单位', catalogueId, products, fundingSource: 'unit' }, { token: users.staff.token })
const rosterCount = async () => (await app.db.selectFrom('rosters').select('id').execute()).length
const storedRosterFiles = () => {
  try {
    return readdirSync(join(app.dataDir, 'rosters'))
  } catch {
    return []
  }
}

describe('the plans a unit may use', () => {
  test('a unit with a standing selection is offered its own plan only; a roster for another plan is a 422 that stores nothing', async () => {
    expect((await setSelection(users.unitId, 'shaanxi-gig-2023', ['ZY'])).status).toBe(200)
    expect(await offered(users.unitId, users.unit_admin.token)).toEqual(['shaanxi-gig-2023'])
    expect(await offered(users.unitId, users.staff.token)).toEqual(['shaanxi-gig-2023'])

    const before = { rosters: await rosterCount(), files: storedRosterFiles() }
    const other = await upload(users.unitId, 'hanjiang-rider-2028')
    expect([other.status, other.body.error.code]).toEqual([422, 'unit_catalogue_not_allowed'])
    expect(other.body.error.message).toBe('本单位的参保计划是“陕西新就业形态劳动者工会会员职工互助保障（住院+意外）”，不能按“汉江骑手互助保障 2028（测试用虚构计划）”上传名单。如需更换计划，请联系工会办事处')
    expect(other.body.error.details).toEqual([{ path: 'catalogueId', code: 'unit_catalogue_not_allowed', expected: 'shaanxi-gig-2023' }])
    const past = await upload(users.unitId, 'shanghai-2020')
    expect([past.status, past.body.error.code]).toEqual([422, 'unit_catalogue_not_allowed'])
    expect({ rosters: await rosterCount(), files: storedRosterFiles() }).toEqual(before)

    expect((await upload(users.unitId, 'shaanxi-gig-2023')).status).toBe(201)
  })

  test('a unit without a standing selection is offered every plan open to units today, not a past plan year', async () => {
    const unitId = await createUnit(app, '未定方案的站点')
    const admin = await loginAs(app, { roles: [{ role: 'unit_admin', unitId }] })
    expect(await offered(unitId, admin.token)).toEqual(['hanjiang-rider-2028', 'shaanxi-gig-2023'])
    const past = await upload(unitId, 'shanghai-2020', admin.token)
    expect([past.status, past.body.error.code]).toEqual([422, 'enrolment_dates_invalid'])
    expect(past.body.error.message).toMatch(/^现在不能参加这个保障计划：/)
    expect((await upload(unitId, 'hanjiang-rider-2028', admin.token)).status).toBe(201)
  })

  test('a unit admin sees only their own unit’s plans; members are refused; an unknown unit is a 404', async () => {
    const unitId = await createUnit(app, '别人的站点')
    const foreign = await app.api.get(`/api/v1/units/${unitId}/catalogues`, { token: users.unit_admin.token })
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'forbidden'])
    expect((await app.api.get(`/api/v1/units/${unitId}/catalogues`, { token: users.member.token })).status).toBe(403)
    const unknown = await app.api.get('/api/v1/units/unt_01JAAAAAAAAAAAAAAAAAAAAAAA/catalogues', { token: users.staff.token })
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unit_not_found'])
  })
})
