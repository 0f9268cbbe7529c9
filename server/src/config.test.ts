import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config'

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
      nodeEnv: 'development', port: 3000, dataDir: dir, databaseFile: join(dir, 'huzhu.sqlite'), uploadsDir: join(dir, 'uploads'),
      staticDir: undefined, sms: { provider: 'console', fixedCode: undefined, codeTtlSeconds: 300, maxAttempts: 5 },
      wechat: { apiBase: 'https://api.weixin.qq.com' },
    })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.sms)).toBe(true)
    expect(config.secrets.dataKey).toHaveLength(32)
    expect(config.secrets.signingKey.id).toMatch(/^k[0-9a-f]{10}$/)
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
