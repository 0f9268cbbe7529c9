import { startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const unitCount = async () => (await app.db.selectFrom('units').select('id').execute()).length

describe('units', () => {
  test('office staff and admins register a unit by its name alone; anyone else is refused and nothing is made', async () => {
    const before = await unitCount()
    const res = await app.api.post('/api/v1/units', { name: '  某区快递行业工会  ' }, { token: users.admin.token })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^unt_/), name: '某区快递行业工会', createdAt: expect.any(String), creditCode: null, products: [], fundingSource: 'unit' })
    expect((await app.api.post('/api/v1/units', { name: '办事处登记的站点' }, { token: users.staff.token })).status).toBe(201)
    for (const role of ['unit_admin', 'reviewer', 'member'] as const) {
      expect((await app.api.post('/api/v1/units', { name: '不该有' }, { token: users[role].token })).status).toBe(403)
    }
    expect((await app.api.post('/api/v1/units', { name: '' }, { token: users.admin.token })).status).toBe(400)
    expect((await app.api.post('/api/v1/units', { name: 'x'.repeat(81) }, { token: users.admin.token })).status).toBe(400)
    expect(await unitCount()).toBe(before + 2)
  })

  test('admins and staff list every unit', async () => {
    const res = await app.api.get('/api/v1/units', { token: users.staff.token })
    expect(res.status).toBe(200)
    expect(res.body.units.map((u: { id: string }) => u.id)).toContain(users.unitId)
  })

  test('a unit admin reaches their own unit and not another', async () => {
    const other = await app.api.post('/api/v1/units', { name: '另一个站点' }, { token: users.admin.token })
    const own = await app.api.get(`/api/v1/units/${users.unitId}`, { token: users.unit_admin.token })
    expect(own.status).toBe(200)
    expect(own.body.id).toBe(users.unitId)
    const foreign = await app.api.get(`/api/v1/units/${other.body.id}`, { token: users.unit_admin.token })
    expect(foreign.status).toBe(403)
    expect((await app.api.get(`/api/v1/units/${other.body.id}`, { token: users.staff.token })).status).toBe(200)
  })

  test('an unknown or malformed unit id', async () => {
    const unknown = await app.api.get('/api/v1/units/unt_01JAAAAAAAAAAAAAAAAAAAAAAA', { token: users.admin.token })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('unit_not_found')
    expect((await app.api.get('/api/v1/units/../../x', { token: users.admin.token })).status).toBeGreaterThanOrEqual(400)
    expect((await app.api.get('/api/v1/units/nope', { token: users.admin.token })).status).toBe(400)
  })
})
