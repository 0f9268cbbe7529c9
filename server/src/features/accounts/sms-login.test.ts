import { nextPhone, startTestApp, type TestApp } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ env: { SMS_FIXED_CODE: '' } }) // real random codes, read from the in-memory provider
})
afterAll(() => app.close())

const requestCode = (phone: string) => app.api.post('/api/v1/auth/sms-codes', { phone })
const signIn = (phone: string, code: string) => app.api.post('/api/v1/auth/sessions', { phone, code })
const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000')
const count = async (table: 'users' | 'sms_codes' | 'sessions') =>
  Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('SMS login', () => {
  test('a code is sent, signs in once, and creates the account; phone and code are stored only as hashes', async () => {
    const phone = nextPhone()
    expect((await requestCode(phone)).status).toBe(204)
    const code = app.sms.lastCodeFor(phone)!
    expect(code).toMatch(/^\d{6}$/)
    const res = await signIn(phone, code)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ token: expect.stringMatching(/^[\w-]{43}$/), expiresAt: expect.any(String), user: { id: expect.stringMatching(/^usr_/), roles: ['member'] } })
    expect(Date.parse(res.body.expiresAt) - app.clock.now().getTime()).toBeGreaterThan(29 * 86_400_000)
    const stored = JSON.stringify([
      await app.db.selectFrom('sms_codes').selectAll().execute(),
      await app.db.selectFrom('users').selectAll().execute(),
      await app.db.selectFrom('sessions').selectAll().execute(),
      await app.db.selectFrom('rate_limit_hits').selectAll().execute(),
    ])
    expect(stored).not.toContain(phone)
    expect(stored).not.toContain(res.body.token)
    expect(stored).not.toContain(`"${code}"`)
    expect((await signIn(phone, code)).body.error.code).toBe('sms_code_invalid') // used once
  })

  test('the same phone, however typed, signs in to the same account', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const first = await signIn(phone, app.sms.lastCodeFor(phone)!)
    app.clock.advance(61_000)
    const typed = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`
    expect((await requestCode(typed)).status).toBe(204)
    const second = await signIn(typed, app.sms.lastCodeFor(phone)!)
    expect(second.body.user.id).toBe(first.body.user.id)
  })

  test('five wrong tries invalidate the code, even the right one afterwards; no account is made', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const code = app.sms.lastCodeFor(phone)!
    const users = await count('users')
    const codes: string[] = []
    for (let i = 0; i < 5; i++) codes.push((await signIn(phone, wrongCode(code))).body.error.code)
    expect(codes).toEqual(['sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'sms_code_too_many_attempts'])
    const right = await signIn(phone, code)
    expect(right.status).toBe(400)
    expect(right.body.error).toEqual({ code: 'sms_code_too_many_attempts', message: '验证码输错次数太多，请重新获取' })
    expect(await count('users')).toBe(users)
  })

  test('a code expires after 5 minutes', async () => {
    const early = nextPhone()
    const late = nextPhone()
    await requestCode(early)
    await requestCode(late)
    app.clock.advance(299_000)
    expect((await signIn(early, app.sms.lastCodeFor(early)!)).status).toBe(200)
    app.clock.advance(2_000)
    const res = await signIn(late, app.sms.lastCodeFor(late)!)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('sms_code_expired')
  })

  test('a new code replaces the previous one', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const old = app.sms.lastCodeFor(phone)!
    app.clock.advance(61_000)
    await requestCode(phone)
    const fresh = app.sms.lastCodeFor(phone)!
    if (old !== fresh) expect((await signIn(phone, old)).body.error.code).toBe('sms_code_invalid')
    expect((await signIn(phone, fresh)).status).toBe(200)
  })

  test('no code sent is sms_code_invalid', async () => {
    expect((await signIn(nextPhone(), '123456')).body.error.code).toBe('sms_code_invalid')
  })

  test('per number: one code a minute and ten a day, with Retry-After', async () => {
    const phone = nextPhone()
    expect((await requestCode(phone)).status).toBe(204)
    const again = await requestCode(phone)
    expect(again.status).toBe(429)
    expect(again.body.error).toEqual({ code: 'rate_limited', message: '操作太频繁，请稍后再试' })
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    for (let i = 2; i <= 10; i++) {
      app.clock.advance(61_000)
      expect((await requestCode(phone)).status).toBe(204)
    }
    app.clock.advance(61_000)
    const eleventh = await requestCode(phone)
    expect(eleventh.status).toBe(429)
    expect(app.sms.sent.filter((s) => s.phone === phone)).toHaveLength(10)
    app.clock.advance(86_400_000)
    expect((await requestCode(phone)).status).toBe(204)
  })

  test('bad input is a 400 and sends nothing', async () => {
    const sent = app.sms.sent.length
    const codes = await count('sms_codes')
    const bad = await requestCode('12345')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details).toEqual([{ path: 'phone', code: 'mobile_invalid', message: '手机号码应为11位数字，以13至19开头' }])
    expect((await app.api.post('/api/v1/auth/sms-codes', {})).body.error.details).toEqual([expect.objectContaining({ path: 'phone', code: 'mobile_required' })])
    const badCode = await signIn(nextPhone(), '12ab')
    expect(badCode.status).toBe(400)
    expect(badCode.body.error.details).toEqual([expect.objectContaining({ path: 'code', code: 'sms_code_invalid' })])
    expect(app.sms.sent.length).toBe(sent)
    expect(await count('sms_codes')).toBe(codes)
  })

  test('a provider failure is a 503 sms_send_failed', async () => {
    app.sms.failNext = true
    const res = await requestCode(nextPhone())
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('sms_send_failed')
  })

  test('logs never hold a phone number, a code or a token', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const code = app.sms.lastCodeFor(phone)!
    const { body } = await signIn(phone, code)
    await app.api.get('/api/v1/me', { token: body.token })
    const logs = app.logs()
    for (const s of app.sms.sent) {
      expect(logs).not.toContain(s.phone)
      expect(logs).not.toContain(s.phone.slice(-4) + '"')
    }
    expect(logs).not.toMatch(new RegExp(`[^0-9]${code}[^0-9]`))
    expect(logs).not.toContain(body.token)
  })
})

describe('SMS limits per IP', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await startTestApp({ sms: { perIpHourlyLimit: 3, perIpLoginAttempts: 4 } })
  })
  afterAll(() => limited.close())

  test('codes per IP per hour', async () => {
    for (let i = 0; i < 3; i++) expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(204)
    expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(429)
    limited.clock.advance(3_601_000)
    expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(204)
  })

  test('login attempts per IP in ten minutes', async () => {
    limited.clock.advance(700_000)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await limited.api.post('/api/v1/auth/sessions', { phone: nextPhone(), code: '000000' })).status)
    expect(statuses).toEqual([400, 400, 400, 400, 429])
  })
})
