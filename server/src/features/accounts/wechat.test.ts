import { startFakeWechat, startTestApp, type FakeWechat, type TestApp } from '../../../test/helpers'

let wechat: FakeWechat
let app: TestApp
beforeAll(async () => {
  wechat = await startFakeWechat()
  app = await startTestApp({ env: { WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl } })
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

const signIn = (code: string, target: TestApp = app) => target.api.post('/api/v1/auth/wechat-sessions', { code })

describe('WeChat mini-program login (code2Session against a local fake WeChat)', () => {
  test('a good code signs in; the same openid is the same account, another openid another', async () => {
    const first = await signIn('ok-alice')
    expect(first.status).toBe(200)
    expect(first.body.user).toEqual({ id: expect.stringMatching(/^usr_/), roles: ['member'] })
    const again = await signIn('ok-alice')
    expect(again.body.user.id).toBe(first.body.user.id)
    expect((await signIn('ok-bob')).body.user.id).not.toBe(first.body.user.id)
    const me = await app.api.get('/api/v1/me', { token: first.body.token })
    expect(me.body).toMatchObject({ wechatLinked: true, phoneMasked: null })
    const query = wechat.requests.at(-1)!
    expect(Object.fromEntries(query)).toEqual({ appid: wechat.appId, secret: wechat.secret, js_code: 'ok-bob', grant_type: 'authorization_code' })
  })

  test('a refused code is a 401 wechat_login_failed and makes no account', async () => {
    const users = (await app.db.selectFrom('users').select('id').execute()).length
    const res = await signIn('expired-code')
    expect(res.status).toBe(401)
    expect(res.body.error).toEqual({ code: 'wechat_login_failed', message: '微信登录失败，请重试' })
    expect((await app.db.selectFrom('users').select('id').execute()).length).toBe(users)
  })

  test('WeChat busy or broken is a 502 wechat_unavailable', async () => {
    expect((await signIn('busy')).body.error.code).toBe('wechat_unavailable')
    const broken = await signIn('broken')
    expect(broken.status).toBe(502)
    expect(broken.body.error.code).toBe('wechat_unavailable')
  })

  test('bad input is a 400', async () => {
    expect((await app.api.post('/api/v1/auth/wechat-sessions', {})).status).toBe(400)
    expect((await signIn('x'.repeat(200))).status).toBe(400)
  })

  test('the secret and the codes never reach the logs', () => {
    expect(app.logs()).not.toContain(wechat.secret)
    expect(app.logs()).not.toContain('ok-alice')
    expect(app.logs()).toContain('wechat refused the login code')
  })
})

describe('WeChat login when WeChat is unreachable or not configured', () => {
  test('unreachable: 502', async () => {
    const gone = await startFakeWechat()
    await gone.close()
    const other = await startTestApp({ env: { WECHAT_APPID: gone.appId, WECHAT_SECRET: gone.secret, WECHAT_API_BASE: gone.baseUrl } })
    try {
      expect((await signIn('ok-carol', other)).status).toBe(502)
    } finally {
      await other.close()
    }
  })

  test('not configured: 503 wechat_not_configured', async () => {
    const other = await startTestApp()
    try {
      const res = await signIn('ok-dave', other)
      expect(res.status).toBe(503)
      expect(res.body.error.code).toBe('wechat_not_configured')
    } finally {
      await other.close()
    }
  })
})
