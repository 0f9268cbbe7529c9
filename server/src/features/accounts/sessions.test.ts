import { grantRoles, loginAs, startTestApp, type TestApp } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('sessions and GET /api/v1/me', () => {
  test('the token opens /me: roles, masked login phone, no profile yet', async () => {
    const user = await loginAs(app)
    const res = await app.api.get('/api/v1/me', { token: user.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      id: user.id, roles: ['member'], grants: [], phoneMasked: `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}`,
      wechatLinked: false, hasProfile: false,
    })
  })

  test('no token, a malformed header or an unknown token is a 401', async () => {
    expect((await app.api.get('/api/v1/me')).body.error).toEqual({ code: 'unauthenticated', message: '请先登录' })
    expect((await app.api.get('/api/v1/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401)
    expect((await app.api.get('/api/v1/me', { token: 'x'.repeat(43) })).status).toBe(401)
  })

  test('logout revokes only the token used', async () => {
    const user = await loginAs(app)
    app.clock.advance(61_000)
    const other = await loginAs(app, { phone: user.phone })
    expect((await app.api.delete('/api/v1/auth/sessions/current', { token: user.token })).status).toBe(204)
    expect((await app.api.get('/api/v1/me', { token: user.token })).status).toBe(401)
    expect((await app.api.delete('/api/v1/auth/sessions/current', { token: user.token })).status).toBe(401)
    expect((await app.api.get('/api/v1/me', { token: other.token })).status).toBe(200)
  })

  test('a session expires after 30 days', async () => {
    const user = await loginAs(app)
    app.clock.advance(30 * 86_400_000 - 60_000)
    expect((await app.api.get('/api/v1/me', { token: user.token })).status).toBe(200)
    app.clock.advance(120_000)
    const res = await app.api.get('/api/v1/me', { token: user.token })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('session_expired')
  })

  test('a disabled account is refused with 403 account_disabled, at sign-in and with an old token', async () => {
    const user = await loginAs(app)
    await app.db.updateTable('users').set({ disabled_at: app.clock.now().toISOString() }).where('id', '=', user.id).execute()
    expect((await app.api.get('/api/v1/me', { token: user.token })).body.error.code).toBe('account_disabled')
    app.clock.advance(61_000)
    await app.api.post('/api/v1/auth/sms-codes', { phone: user.phone })
    const again = await app.api.post('/api/v1/auth/sessions', { phone: user.phone, code: app.config.sms.fixedCode })
    expect(again.status).toBe(403)
    expect(again.body.error.code).toBe('account_disabled')
  })

  test('a role granted after sign-in counts from the next request; /me lists grants', async () => {
    const user = await loginAs(app)
    expect((await app.api.get('/api/v1/units', { token: user.token })).status).toBe(403)
    await grantRoles(app, user.id, ['staff'])
    expect((await app.api.get('/api/v1/units', { token: user.token })).status).toBe(200)
    const me = await app.api.get('/api/v1/me', { token: user.token })
    expect(me.body.roles).toEqual(['member', 'staff'])
    expect(me.body.grants).toEqual([{ id: expect.stringMatching(/^rol_/), role: 'staff', unitId: null, grantedAt: expect.any(String) }])
  })
})
