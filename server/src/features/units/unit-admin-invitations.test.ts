import { createUnit, loginAs, nextPhone, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

/**
 * Office staff invite a unit's admins (经办人) by phone: the account with that
 * login phone gets the unit_admin role for that unit, at once when it exists,
 * else when it first signs in with the phone; never another phone's account.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const invite = (unitId: string, phone: string, token = users.staff.token) => app.api.post(`/api/v1/units/${unitId}/admin-invitations`, { phone }, { token })
const invitations = async (unitId: string, token = users.staff.token) => {
  const res = await app.api.get(`/api/v1/units/${unitId}/admin-invitations`, { token })
  expect(res.status).toBe(200)
  return res.body.invitations as { id: string; status: string; phoneMasked: string; grantedAt: string | null }[]
}
const grantsOf = async (token: string) => (await app.api.get('/api/v1/me', { token })).body.grants as { role: string; unitId: string | null }[]
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`

describe('inviting a unit admin by phone', () => {
  test('a phone nobody signed in with: pending; its first sign-in gives that account the role for that unit, audited', async () => {
    const unitId = await createUnit(app, '碑林区外卖骑手站')
    const phone = nextPhone()
    const res = await invite(unitId, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ id: expect.stringMatching(/^uai_/), unitId, phoneMasked: masked(phone), status: 'pending', createdAt: expect.any(String), grantedAt: null })
    // The phone is kept sealed and hashed, never in clear.
    const row = await app.db.selectFrom('unit_admin_invitations').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(phone)

    const invited = await loginAs(app, { phone })
    expect(await grantsOf(invited.token)).toEqual([expect.objectContaining({ role: 'unit_admin', unitId })])
    expect((await app.api.get(`/api/v1/units/${unitId}`, { token: invited.token })).status).toBe(200)
    expect(await invitations(unitId)).toEqual([expect.objectContaining({ id: res.body.id, status: 'granted', grantedAt: expect.any(String) })])

    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', 'in', [`unit_admin_invitation:${res.body.id}`, `role_grant:unit_admin:${unitId}`]).orderBy('id').execute()
    expect(audit.map((a) => [a.action, a.resource, a.actor_user_id, a.subject_user_id])).toEqual([
      ['create', `unit_admin_invitation:${res.body.id}`, users.staff.id, null],
      ['create', `role_grant:unit_admin:${unitId}`, invited.id, invited.id],
    ])
    // Signing in again grants nothing twice.
    app.clock.advance(61_000)
    await loginAs(app, { phone })
    expect((await grantsOf(invited.token)).filter((g) => g.role === 'unit_admin')).toHaveLength(1)
  })

  test('another phone’s account gets nothing, nor another unit', async () => {
    const unitId = await createUnit(app, '雁塔区快递网点')
    const phone = nextPhone()
    expect((await invite(unitId, phone)).status).toBe(201)
    const stranger = await loginAs(app)
    expect(await grantsOf(stranger.token)).toEqual([])
    expect((await app.api.get(`/api/v1/units/${unitId}`, { token: stranger.token })).status).toBe(403)
    expect((await invitations(unitId))[0]!.status).toBe('pending')
    const invited = await loginAs(app, { phone })
    expect((await app.api.get(`/api/v1/units/${users.unitId}`, { token: invited.token })).status).toBe(403)
  })

  test('an account that already signs in with the phone holds the role at once', async () => {
    const unitId = await createUnit(app, '曲江网约车服务站')
    const existing = await loginAs(app)
    const res = await invite(unitId, existing.phone, users.admin.token)
    expect(res.body).toMatchObject({ status: 'granted', grantedAt: expect.any(String) })
    expect(await grantsOf(existing.token)).toEqual([expect.objectContaining({ role: 'unit_admin', unitId })])
  })

  test('the same phone twice for one unit is a 409; for another unit it is a new invitation', async () => {
    const unitId = await createUnit(app, '重复邀请站')
    const phone = nextPhone()
    expect((await invite(unitId, phone)).status).toBe(201)
    const again = await invite(unitId, phone)
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'unit_admin_invitation_exists', message: '已邀请过这个手机号成为本单位经办人' })
    expect(await invitations(unitId)).toHaveLength(1)
    expect((await invite(await createUnit(app, '另一站'), phone)).status).toBe(201)
  })

  test('a pending invitation is withdrawn (and the phone then gets nothing); a granted one is not', async () => {
    const unitId = await createUnit(app, '撤回邀请站')
    const phone = nextPhone()
    const pending = await invite(unitId, phone)
    const withdrawn = await app.api.delete(`/api/v1/units/${unitId}/admin-invitations/${pending.body.id}`, { token: users.staff.token })
    expect(withdrawn.status).toBe(204)
    expect(await invitations(unitId)).toEqual([])
    const later = await loginAs(app, { phone })
    expect(await grantsOf(later.token)).toEqual([])
    const deleteAudit = await app.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('resource', '=', `unit_admin_invitation:${pending.body.id}`).orderBy('id').execute()
    expect(deleteAudit).toEqual([{ action: 'create', actor_user_id: users.staff.id }, { action: 'delete', actor_user_id: users.staff.id }])

    const granted = await invite(unitId, later.phone)
    const refused = await app.api.delete(`/api/v1/units/${unitId}/admin-invitations/${granted.body.id}`, { token: users.staff.token })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'unit_admin_invitation_granted'])
    const unknown = await app.api.delete(`/api/v1/units/${unitId}/admin-invitations/uai_01JAAAAAAAAAAAAAAAAAAAAAAA`, { token: users.staff.token })
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unit_admin_invitation_not_found'])
  })

  test('bad input: a phone that is not a mainland mobile, an unknown unit', async () => {
    const bad = await invite(users.unitId, '12345')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'phone', code: 'mobile_invalid' })])
    expect((await invite('unt_01JAAAAAAAAAAAAAAAAAAAAAAA', nextPhone())).status).toBe(404)
    expect((await app.api.get('/api/v1/units/unt_01JAAAAAAAAAAAAAAAAAAAAAAA/admin-invitations', { token: users.staff.token })).status).toBe(404)
  })

  test('only office staff and admins invite, list and withdraw; a unit admin cannot invite to their own unit', async () => {
    const before = (await app.db.selectFrom('unit_admin_invitations').select('id').execute()).length
    for (const role of ['unit_admin', 'reviewer', 'member'] as const) {
      expect((await invite(users.unitId, nextPhone(), users[role].token)).status).toBe(403)
      expect((await app.api.get(`/api/v1/units/${users.unitId}/admin-invitations`, { token: users[role].token })).status).toBe(403)
    }
    expect((await app.db.selectFrom('unit_admin_invitations').select('id').execute()).length).toBe(before)
  })
})
