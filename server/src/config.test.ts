import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config'
import { describeTarget } from './db/open'

const key = () => randomBytes(32).toString('base64')
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-config-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('config', () => {
  test('defaults, frozen', () => {
    const { config } = loadConfig({ HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() })
    expect(config).toMatchObject({
      nodeEnv: 'development', port: 3000, dataDir: dir, databaseFile: join(dir, 'huzhu.sqlite'), blobStore: { kind: 'disk' },
      staticDir: undefined, sms: { provider: 'console', fixedCode: undefined, codeTtlSeconds: 300, maxAttempts: 5 },
      wechat: { apiBase: 'https://api.weixin.qq.com' },
    })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.sms)).toBe(true)
    expect(config.secrets.dataKey).toHaveLength(32)
    expect(config.secrets.signingKey.id).toMatch(/^k[0-9a-f]{10}$/)
  })

  test('the database: SQLite in the data folder by default; DATABASE_URL (postgres://) chooses PostgreSQL, with its pool size', () => {
    const env = { HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() }
    expect(loadConfig(env).config.database).toEqual({ kind: 'sqlite', file: join(dir, 'huzhu.sqlite') })
    expect(loadConfig({ ...env, DATABASE_URL: '' }).config.database.kind).toBe('sqlite')
    const url = 'postgres://huzhu:secret@db.internal:5432/huzhu'
    expect(loadConfig({ ...env, DATABASE_URL: url }).config.database).toEqual({ kind: 'postgres', url, poolSize: 10 })
    expect(loadConfig({ ...env, DATABASE_URL: url, HUZHU_DB_POOL_SIZE: '40' }).config.database).toMatchObject({ poolSize: 40 })
    expect(problemsOf({ ...env, DATABASE_URL: 'mysql://db/huzhu' })).toEqual([expect.stringMatching(/^DATABASE_URL: a postgres:\/\/ URL/)])
    expect(problemsOf({ ...env, DATABASE_URL: url, HUZHU_DB_POOL_SIZE: '0' })).toEqual([expect.stringMatching(/^HUZHU_DB_POOL_SIZE/)])
    // What is logged of it never holds the password.
    expect(describeTarget(loadConfig({ ...env, DATABASE_URL: url }).config.database)).toEqual({ database: 'postgres', host: 'db.internal:5432', name: 'huzhu' })
  })

  test('outside production a missing key is generated once, kept in the data folder, with a warning', () => {
    const first = loadConfig({ HUZHU_DATA_DIR: dir })
    expect(first.warnings.join()).toMatch(/generated development keys/)
    const file = join(dir, 'dev-secrets.json')
    expect(existsSync(file)).toBe(true)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const second = loadConfig({ HUZHU_DATA_DIR: dir })
    expect(second.config.secrets.dataKey.equals(first.config.secrets.dataKey)).toBe(true)
    expect(second.config.secrets.signingKey.id).toBe(first.config.secrets.signingKey.id)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('dataKey')
  })

  test('production refuses to start without keys, with a fixed SMS code, or without an SMS provider', () => {
    const problems = problemsOf({ NODE_ENV: 'production', HUZHU_DATA_DIR: dir, SMS_FIXED_CODE: '123456' })
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/SMS_FIXED_CODE/), expect.stringMatching(/SMS_PROVIDER/),
      expect.stringMatching(/HUZHU_DATA_KEY/), expect.stringMatching(/HUZHU_SIGNING_KEY/),
    ]))
    expect(existsSync(join(dir, 'dev-secrets.json'))).toBe(false)
    expect(problemsOf({ NODE_ENV: 'production', HUZHU_DATA_DIR: dir, SMS_PROVIDER: 'console', HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() })).toEqual([])
  })

  test('HUZHU_TRUST_PROXY is the number of reverse proxies in front (true/false still mean 1/0)', () => {
    const proxies = (value?: string) =>
      loadConfig({ HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key(), ...(value === undefined ? {} : { HUZHU_TRUST_PROXY: value }) }).config.trustedProxies
    expect([proxies(), proxies(''), proxies('0'), proxies('1'), proxies('2'), proxies('true'), proxies('false')]).toEqual([0, 0, 0, 1, 2, 1, 0])
    for (const bad of ['yes', '-1', '1.5', '99']) expect(problemsOf({ HUZHU_DATA_DIR: dir, HUZHU_TRUST_PROXY: bad })).toEqual([expect.stringMatching(/^HUZHU_TRUST_PROXY/)])
  })

  test('bad values are refused with the variable named', () => {
    expect(problemsOf({ HUZHU_DATA_DIR: dir, PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: 'c2hvcnQ=', HUZHU_SIGNING_KEY: key() })).toEqual([expect.stringMatching(/HUZHU_DATA_KEY must be 32 bytes/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, SMS_FIXED_CODE: '12ab56' })).toEqual([expect.stringMatching(/^SMS_FIXED_CODE/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, WECHAT_APPID: 'wx1' })).toEqual([expect.stringMatching(/WECHAT_SECRET/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, WECHAT_API_BASE: 'ftp://x' })).toEqual([expect.stringMatching(/^WECHAT_API_BASE/)])
  })
})

describe('SMS provider configuration', () => {
  const templates = {
    SMS_TEMPLATE_LOGIN_CODE: '1000001', SMS_TEMPLATE_ENROLMENT_ACTIVE: '1000002', SMS_TEMPLATE_CLAIM_NEEDS_MATERIAL: '1000003',
    SMS_TEMPLATE_CLAIM_PAID: '1000004', SMS_TEMPLATE_CLAIM_PAYMENT_FAILED: '1000005', SMS_TEMPLATE_COVER_ENDING: '1000006',
  }
  const tencent = {
    SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'AKIDexample', TENCENT_SMS_SECRET_KEY: 'secret', TENCENT_SMS_SDK_APP_ID: '1400006666', TENCENT_SMS_SIGN_NAME: '某市总工会', ...templates,
  }
  const aliyun = {
    SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'LTAIexample', ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret', ALIYUN_SMS_SIGN_NAME: '某市总工会', ...templates,
  }
  const production = () => ({ NODE_ENV: 'production', HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() })
  const without = (env: Record<string, string>, name: string) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== name))

  test('a whole Tencent or Aliyun configuration starts in production, with every template id', () => {
    const t = loadConfig({ ...production(), ...tencent }).config.sms
    expect(t).toMatchObject({
      provider: 'tencent', aliyun: undefined,
      tencent: { secretId: 'AKIDexample', secretKey: 'secret', sdkAppId: '1400006666', signName: '某市总工会', region: 'ap-guangzhou', endpoint: undefined },
      templates: { login_code: '1000001', enrolment_active: '1000002', claim_needs_material: '1000003', claim_paid: '1000004', claim_payment_failed: '1000005', cover_ending: '1000006' },
    })
    const a = loadConfig({ ...production(), ...aliyun, ALIYUN_SMS_ENDPOINT: 'https://dysmsapi.example.cn/' }).config.sms
    expect(a).toMatchObject({ provider: 'aliyun', tencent: undefined, aliyun: { accessKeyId: 'LTAIexample', signName: '某市总工会', endpoint: 'https://dysmsapi.example.cn' } })
  })

  test('production refuses a half configuration: a credential, the sign name or a template missing', () => {
    for (const name of ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', ...Object.keys(templates)]) {
      expect(problemsOf({ ...production(), ...without(tencent, name) })).toEqual([expect.stringMatching(new RegExp(`SMS_PROVIDER=tencent is half configured: ${name} missing`))])
    }
    for (const name of ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'SMS_TEMPLATE_CLAIM_PAID']) {
      expect(problemsOf({ ...production(), ...without(aliyun, name) })).toEqual([expect.stringMatching(new RegExp(`SMS_PROVIDER=aliyun is half configured: ${name} missing`))])
    }
    // Another provider's settings do not count: Aliyun chosen with Tencent's keys is half configured.
    expect(problemsOf({ ...production(), ...without(tencent, 'SMS_PROVIDER'), SMS_PROVIDER: 'aliyun' })).toEqual([
      expect.stringMatching(/ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME missing/),
    ])
    expect(problemsOf({ ...production(), SMS_PROVIDER: 'twilio' })).toEqual([expect.stringMatching(/^SMS_PROVIDER/)])
  })

  test('production refuses a plain-http provider endpoint; elsewhere a test may point one at a local fake', () => {
    expect(problemsOf({ ...production(), ...tencent, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9' })).toEqual([expect.stringMatching(/TENCENT_SMS_ENDPOINT must be https/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, ...tencent, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9' })).toEqual([])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, ...tencent, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9/v3?x=1' })).toEqual([expect.stringMatching(/scheme, host and port only/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, ...tencent, TENCENT_SMS_SDK_APP_ID: 'app' })).toEqual([expect.stringMatching(/TENCENT_SMS_SDK_APP_ID/)])
  })

  test('outside production credentials and the login template are still required; a missing notice template is a warning', () => {
    expect(problemsOf({ HUZHU_DATA_DIR: dir, ...without(tencent, 'TENCENT_SMS_SECRET_KEY') })).toEqual([expect.stringMatching(/TENCENT_SMS_SECRET_KEY missing/)])
    expect(problemsOf({ HUZHU_DATA_DIR: dir, ...without(tencent, 'SMS_TEMPLATE_LOGIN_CODE') })).toEqual([expect.stringMatching(/SMS_TEMPLATE_LOGIN_CODE missing/)])
    const { config, warnings } = loadConfig({ HUZHU_DATA_DIR: dir, ...without(tencent, 'SMS_TEMPLATE_COVER_ENDING') })
    expect(config.sms.templates.cover_ending).toBeUndefined()
    expect(warnings).toContainEqual(expect.stringMatching(/SMS_TEMPLATE_COVER_ENDING: those notices are not sent by SMS/))
  })
})
