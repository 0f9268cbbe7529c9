import { createUnit, loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'

let app: TestApp
let admin: TestUser
beforeAll(async () => {
  app = await startTestApp()
  admin = await loginAs(app, { roles: ['admin'] })
})
afterAll(() => app.close())

const grant = (userId: string, body: unknown, token = admin.token) => app.api.post(`/api/v1/users/${userId}/roles`, body, { token })
const grantsOf = (userId: string) => app.db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).execute()

describe('role management by an admin', () => {
  test('grants staff, reviewer and a unit admin of one unit; the account sees them', async () => {
    const user = await loginAs(app)
    const unitId = await createUnit(app)
    const staff = await grant(user.id, { role: 'staff' })
    expect(staff.status).toBe(201)
    expect(staff.body).toEqual({ id: expect.stringMatching(/^rol_/), role: 'staff', unitId: null, grantedAt: expect.any(String) })
    expect((await grant(user.id, { role: 'reviewer' })).status).toBe(201)
    expect((await grant(user.id, { role: 'unit_admin', unitId })).body).toMatchObject({ role: 'unit_admin', unitId })
    const me = await app.api.get('/api/v1/me', { token: user.token })
    expect(me.body.roles).toEqual(['member', 'unit_admin', 'staff', 'reviewer'])
    const row = (await grantsOf(user.id)).find((g) => g.role === 'staff')
    expect(row?.granted_by).toBe(admin.id)
  })

  test('refuses a repeat (409), a unit for a non-unit role or none for a unit admin (400), an unknown unit (422), an unknown account (404)', async () => {
    const user = await loginAs(app, { roles: ['staff'] })
    const again = await grant(user.id, { role: 'staff' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('role_already_granted')
    const unitId = await createUnit(app)
    expect((await grant(user.id, { role: 'reviewer', unitId })).body.error.details).toEqual([expect.objectContaining({ path: 'unitId', code: 'field_invalid' })])
    expect((await grant(user.id, { role: 'unit_admin' })).body.error.details).toEqual([expect.objectContaining({ path: 'unitId', code: 'field_required' })])
    expect((await grant(user.id, { role: 'member' })).status).toBe(400)
    expect((await grant(user.id, { role: 'superuser' })).status).toBe(400)
    const unknownUnit = await grant(user.id, { role: 'unit_admin', unitId: 'unt_01JAAAAAAAAAAAAAAAAAAAAAAA' })
    expect(unknownUnit.status).toBe(422)
    expect(unknownUnit.body.error.code).toBe('unit_not_found')
    expect((await grant('usr_01JAAAAAAAAAAAAAAAAAAAAAAA', { role: 'staff' })).status).toBe(404)
    expect((await grant('not-an-id', { role: 'staff' })).status).toBe(400)
    expect((await grantsOf(user.id)).map((g) => g.role)).toEqual(['staff'])
  })

  test('revokes a grant; another account’s grant id or a repeat is a 404', async () => {
    const user = await loginAs(app, { roles: ['reviewer'] })
    const other = await loginAs(app, { roles: ['reviewer'] })
    const [grantRow] = await grantsOf(user.id)
    const wrongOwner = await app.api.delete(`/api/v1/users/${other.id}/roles/${grantRow!.id}`, { token: admin.token })
    expect(wrongOwner.status).toBe(404)
    expect(await grantsOf(user.id)).toHaveLength(1)
    expect((await app.api.delete(`/api/v1/users/${user.id}/roles/${grantRow!.id}`, { token: admin.token })).status).toBe(204)
    expect((await app.api.get('/api/v1/units', { token: user.token })).status).toBe(403)
    expect((await app.api.delete(`/api/v1/users/${user.id}/roles/${grantRow!.id}`, { token: admin.token })).status).toBe(404)
  })

  test('the last admin grant cannot be revoked', async () => {
    const admins = await app.db.selectFrom('role_grants').selectAll().where('role', '=', 'admin').execute()
    expect(admins).toHaveLength(1)
    const res = await app.api.delete(`/api/v1/users/${admin.id}/roles/${admins[0]!.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(await app.db.selectFrom('role_grants').selectAll().where('role', '=', 'admin').execute()).toHaveLength(1)
  })

  test('reads an account by id or by login phone', async () => {
    const user = await loginAs(app, { roles: ['staff'], profile: false })
    const byId = await app.api.get(`/api/v1/users/${user.id}`, { token: admin.token })
    expect(byId.body).toMatchObject({ id: user.id, roles: ['member', 'staff'], disabled: false, hasProfile: false, phoneMasked: expect.stringContaining('****') })
    expect(byId.text).not.toContain(user.phone)
    const byPhone = await app.api.post('/api/v1/users/lookup', { phone: user.phone }, { token: admin.token })
    expect(byPhone.body.id).toBe(user.id)
    expect((await app.api.post('/api/v1/users/lookup', { phone: '13700000000' }, { token: admin.token })).status).toBe(404)
    expect((await app.api.post('/api/v1/users/lookup', { phone: '1234' }, { token: admin.token })).status).toBe(400)
    expect((await app.api.get('/api/v1/users/usr_01JAAAAAAAAAAAAAAAAAAAAAAA', { token: admin.token })).status).toBe(404)
  })

  test('nobody but an admin manages roles', async () => {
    const staff = await loginAs(app, { roles: ['staff'] })
    const member = await loginAs(app)
    const res = await grant(member.id, { role: 'admin' }, staff.token)
    expect(res.status).toBe(403)
    expect(await grantsOf(member.id)).toEqual([])
    expect((await grant(member.id, { role: 'admin' }, member.token)).status).toBe(403)
    expect(await grantsOf(member.id)).toEqual([])
  })
})
