import { Writable } from 'node:stream'
import {
  aliyunSmsEnv, aliyunTemplateCodes, nextPhone, startFakeAliyunSms, startFakeTencentSms, startTestApp, tencentSmsEnv, tencentTemplateIds,
  type FakeAliyunSmsServer, type FakeTencentSmsServer, type TestApp,
} from '../../../test/helpers'
import { loadConfig } from '../../config'
import { createLogger } from '../../logger'
import { createSmsProvider, SmsSendError, type SmsMessage, type SmsProvider } from './sms'

function capture() {
  let text = ''
  const logger = createLogger('debug', new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done() } }))
  return { logger, text: () => text }
}

const loginCode = (phone: string, code = '482913'): SmsMessage => ({ phone, template: 'login_code', params: [{ name: 'code', value: code }] })

/** The provider `loadConfig` and `createSmsProvider` make of this environment (as `main` does). */
async function providerFor(env: Record<string, string>): Promise<SmsProvider> {
  const { config } = loadConfig({ HUZHU_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), HUZHU_SIGNING_KEY: Buffer.alloc(32, 2).toString('base64'), ...env })
  return createSmsProvider(config.sms)
}

async function refusal(send: Promise<void>): Promise<string> {
  try {
    await send
  } catch (error) {
    expect(error).toBeInstanceOf(SmsSendError)
    return (error as SmsSendError).reason
  }
  throw new Error('the send was not refused')
}

describe('Tencent Cloud SMS through its SDK, against a fake that checks TC3-HMAC-SHA256', () => {
  let fake: FakeTencentSmsServer
  beforeAll(async () => { fake = await startFakeTencentSms() })
  afterAll(() => fake.close())

  test('a login code reaches the number with the template and its one variable; nothing personal is logged', async () => {
    const { logger, text } = capture()
    const provider = await providerFor(tencentSmsEnv(fake))
    expect(provider.name).toBe('tencent')
    await provider.send(loginCode('13812345678'), logger)
    expect(fake.sent.at(-1)).toEqual({ phone: '13812345678', templateId: tencentTemplateIds.login_code, params: ['482913'], signName: '互助测试' })
    expect(text()).toContain('sms sent')
    expect(text()).not.toMatch(/13812345678|482913/)
  })

  test('a wrong secret key: the fake refuses the signature, the send fails with the code only', async () => {
    const provider = await providerFor(tencentSmsEnv(fake, { secretKey: 'not-the-key' }))
    const sent = fake.sent.length
    expect(await refusal(provider.send(loginCode('13812345678'), createLogger('silent')))).toBe('AuthFailure.SignatureFailure')
    expect(fake.outcomes.at(-1)).toBe('AuthFailure.SignatureFailure')
    expect(fake.sent).toHaveLength(sent)
  })

  test('refusals: a rate limit per number, a template not approved, a wrong variable count, a sign name not approved', async () => {
    const log = createLogger('silent')
    const provider = await providerFor(tencentSmsEnv(fake))
    fake.refuseNext = { count: 1, code: 'LimitExceeded.PhoneNumberThirtySecondLimit' }
    expect(await refusal(provider.send(loginCode('13812345678'), log))).toBe('LimitExceeded.PhoneNumberThirtySecondLimit')
    const unapproved = await providerFor({ ...tencentSmsEnv(fake), SMS_TEMPLATE_LOGIN_CODE: '999' })
    expect(await refusal(unapproved.send(loginCode('13812345678'), log))).toBe('FailedOperation.TemplateIncorrectOrUnapproved')
    expect(await refusal(provider.send({ ...loginCode('13812345678'), params: [] }, log))).toBe('FailedOperation.TemplateParamSetNotMatchApprovedTemplate')
    const unsigned = await providerFor({ ...tencentSmsEnv(fake), TENCENT_SMS_SIGN_NAME: '别的签名' })
    expect(await refusal(unsigned.send(loginCode('13812345678'), log))).toBe('FailedOperation.SignatureIncorrectOrUnapproved')
  })

  test('nobody answering is `unreachable`', async () => {
    const gone = await startFakeTencentSms()
    await gone.close()
    const provider = await providerFor(tencentSmsEnv(gone))
    expect(await refusal(provider.send(loginCode('13812345678'), createLogger('silent')))).toBe('unreachable')
  })
})

describe('Aliyun SMS through its SDK, against a fake that checks the V3 signature (ACS3-HMAC-SHA256)', () => {
  let fake: FakeAliyunSmsServer
  beforeAll(async () => { fake = await startFakeAliyunSms() })
  afterAll(() => fake.close())

  test('a login code reaches the number with the template and its named variable; nothing personal is logged', async () => {
    const { logger, text } = capture()
    const provider = await providerFor(aliyunSmsEnv(fake))
    expect(provider.name).toBe('aliyun')
    await provider.send(loginCode('13812345678'), logger)
    expect(fake.sent.at(-1)).toEqual({ phone: '13812345678', templateCode: aliyunTemplateCodes.login_code, params: { code: '482913' }, signName: '互助测试' })
    expect(text()).not.toMatch(/13812345678|482913/)
  })

  test('a wrong AccessKey secret: the fake refuses the signature (HTTP 400), the send fails with the code only', async () => {
    const provider = await providerFor(aliyunSmsEnv(fake, { accessKeySecret: 'not-the-secret' }))
    const sent = fake.sent.length
    expect(await refusal(provider.send(loginCode('13812345678'), createLogger('silent')))).toBe('SignatureDoesNotMatch')
    expect(fake.sent).toHaveLength(sent)
    const unknownKey = await providerFor({ ...aliyunSmsEnv(fake), ALIYUN_SMS_ACCESS_KEY_ID: 'LTAIsomeoneelse' })
    expect(await refusal(unknownKey.send(loginCode('13812345678'), createLogger('silent')))).toBe('InvalidAccessKeyId.NotFound')
  })

  test('refusals answered 200 with a Code: a rate limit, a template not found, a missing variable, a bad number', async () => {
    const log = createLogger('silent')
    const provider = await providerFor(aliyunSmsEnv(fake))
    fake.refuseNext = { count: 1, code: 'isv.BUSINESS_LIMIT_CONTROL' }
    expect(await refusal(provider.send(loginCode('13812345678'), log))).toBe('isv.BUSINESS_LIMIT_CONTROL')
    const unknown = await providerFor({ ...aliyunSmsEnv(fake), SMS_TEMPLATE_LOGIN_CODE: 'SMS_1' })
    expect(await refusal(unknown.send(loginCode('13812345678'), log))).toBe('isv.SMS_TEMPLATE_ILLEGAL')
    expect(await refusal(provider.send({ ...loginCode('13812345678'), params: [{ name: 'otp', value: '1' }] }, log))).toBe('isv.TEMPLATE_MISSING_PARAMETERS')
    expect(await refusal(provider.send(loginCode('1381234567'), log))).toBe('isv.MOBILE_NUMBER_ILLEGAL')
  })
})

/** A fake provider, seen the same way whichever it is. */
interface FakeUnderTest {
  /** The server's environment for this fake, with another secret than the fake's when given. */
  env(secret?: string): Record<string, string>
  /** The secret the fake checks signatures with from now on. */
  setSecret(secret: string): void
  codeSentTo(phone: string): string | undefined
  outcomes: string[]
  close(): Promise<void>
}

async function tencent(): Promise<FakeUnderTest> {
  const fake = await startFakeTencentSms()
  return {
    env: (secret) => tencentSmsEnv(fake, secret === undefined ? {} : { secretKey: secret }),
    setSecret: (secret) => { fake.secretKey = secret },
    codeSentTo: (phone) => fake.sent.filter((m) => m.phone === phone).at(-1)?.params[0],
    outcomes: fake.outcomes,
    close: () => fake.close(),
  }
}

async function aliyun(): Promise<FakeUnderTest> {
  const fake = await startFakeAliyunSms()
  return {
    env: (secret) => aliyunSmsEnv(fake, secret === undefined ? {} : { accessKeySecret: secret }),
    setSecret: (secret) => { fake.accessKeySecret = secret },
    codeSentTo: (phone) => fake.sent.filter((m) => m.phone === phone).at(-1)?.params.code,
    outcomes: fake.outcomes,
    close: () => fake.close(),
  }
}

describe.each([
  ['tencent', tencent, 'AuthFailure.SignatureFailure'] as const,
  ['aliyun', aliyun, 'SignatureDoesNotMatch'] as const,
])('signing in by SMS through %s', (provider, startFake, signatureRefused) => {
  let fake: FakeUnderTest
  beforeAll(async () => { fake = await startFake() })
  afterAll(() => fake.close())

  const loginRow = (app: TestApp) => app.db.selectFrom('outbox').selectAll().where('kind', '=', 'login_code_sms').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()

  test('the code goes out through the provider at once (the commit kicks the outbox) and signs the member in', async () => {
    const app = await startTestApp({ env: { ...fake.env(), SMS_FIXED_CODE: '' } })
    try {
      expect(app.smsProvider.name).toBe(provider)
      const phone = nextPhone()
      expect((await app.api.post('/api/v1/auth/sms-codes', { phone })).status).toBe(204)
      // No drain: the kick after the commit sends it (the test app's worker never polls).
      for (let i = 0; i < 300 && fake.codeSentTo(phone) === undefined; i++) await new Promise((r) => setTimeout(r, 10))
      const code = fake.codeSentTo(phone)!
      expect(code).toMatch(/^\d{6}$/)
      expect((await app.api.post('/api/v1/auth/sessions', { phone, code })).status).toBe(200)
    } finally {
      await app.close()
    }
  })

  test('a wrong secret is refused by the fake: the request still answers 204, the send is retried with back-off and goes once the key matches', async () => {
    const app = await startTestApp({ env: { ...fake.env('rotated-secret'), SMS_FIXED_CODE: '' } })
    try {
      const phone = nextPhone()
      expect((await app.api.post('/api/v1/auth/sms-codes', { phone })).status).toBe(204)
      await app.outbox.drain()
      expect(fake.codeSentTo(phone)).toBeUndefined()
      expect(fake.outcomes.at(-1)).toBe(signatureRefused)
      expect(await loginRow(app)).toMatchObject({ attempts: 1, done_at: null, failed_at: null, last_error: `${provider}: ${signatureRefused}` })
      app.clock.advance(4_000)
      await app.outbox.drain()
      expect(await loginRow(app)).toMatchObject({ attempts: 1 }) // not before its back-off of 5 s
      app.clock.advance(1_001)
      await app.outbox.drain()
      expect(await loginRow(app)).toMatchObject({ attempts: 2, done_at: null, last_error: `${provider}: ${signatureRefused}` })
      // The office puts the key the server holds in place at the provider: the next try, 10 s later, goes through.
      fake.setSecret('rotated-secret')
      app.clock.advance(10_001)
      await app.outbox.drain()
      const code = fake.codeSentTo(phone)!
      expect(await loginRow(app)).toMatchObject({ attempts: 3, done_at: expect.any(String), last_error: null })
      expect((await app.api.post('/api/v1/auth/sessions', { phone, code })).status).toBe(200)
      expect(app.logs()).not.toContain(phone)
    } finally {
      await app.close()
    }
  })
})
