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

  test('nobody revokes their own admin role (403 with a code, nothing changes), so the office always keeps an admin; another admin may', async () => {
    const [own] = (await grantsOf(admin.id)).filter((g) => g.role === 'admin')
    const res = await app.api.delete(`/api/v1/users/${admin.id}/roles/${own!.id}`, { token: admin.token })
    expect(res.status).toBe(403)
    expect(res.body.error).toEqual({ code: 'role_own_admin_not_revocable', message: '不能撤销自己的管理员角色，请由另一位管理员操作' })
    expect(await grantsOf(admin.id)).toEqual([own])

    // Two other admins: each may revoke the other's admin role, never their own; one's own other roles are theirs to drop.
    const first = await loginAs(app, { roles: ['admin', 'reviewer'] })
    const second = await loginAs(app, { roles: ['admin'] })
    const firstAdmin = (await grantsOf(first.id)).find((g) => g.role === 'admin')!
    const firstReviewer = (await grantsOf(first.id)).find((g) => g.role === 'reviewer')!
    expect((await app.api.delete(`/api/v1/users/${first.id}/roles/${firstAdmin.id}`, { token: first.token })).body.error.code).toBe('role_own_admin_not_revocable')
    expect((await app.api.delete(`/api/v1/users/${first.id}/roles/${firstReviewer.id}`, { token: first.token })).status).toBe(204)
    expect((await app.api.delete(`/api/v1/users/${first.id}/roles/${firstAdmin.id}`, { token: second.token })).status).toBe(204)
    expect(await grantsOf(first.id)).toEqual([])
    expect((await app.api.get('/api/v1/audit-log', { token: first.token })).status).toBe(403)
  })

  test('every grant and revocation is in the audit log: who, whose account, which role', async () => {
    const user = await loginAs(app)
    const unitId = await createUnit(app)
    const reviewer = await grant(user.id, { role: 'reviewer' })
    await grant(user.id, { role: 'unit_admin', unitId })
    expect((await app.api.delete(`/api/v1/users/${user.id}/roles/${reviewer.body.id}`, { token: admin.token })).status).toBe(204)
    // A refused grant writes nothing.
    expect((await grant(user.id, { role: 'unit_admin', unitId })).status).toBe(409)
    const log = await app.api.get(`/api/v1/audit-log?subjectUserId=${user.id}`, { token: admin.token })
    expect(log.body.entries.map((e: { action: string; resource: string; actorUserId: string; fields: string[] }) => [e.action, e.resource, e.actorUserId, e.fields])).toEqual([
      ['delete', 'role_grant:reviewer', admin.id, ['role']],
      ['create', `role_grant:unit_admin:${unitId}`, admin.id, ['role']],
      ['create', 'role_grant:reviewer', admin.id, ['role']],
    ])
    expect(log.body.entries[0]).toMatchObject({ actorPhoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/), subjectPhoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/) })
    expect(log.text).not.toContain(user.phone)
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
