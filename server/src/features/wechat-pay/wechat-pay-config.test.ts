import { randomBytes } from 'node:crypto'
import { ConfigError, loadConfig } from '../../config'
import { startFakeWechatPay, type FakeWechatPay } from '../../../test/helpers'

let fake: FakeWechatPay
beforeAll(async () => { fake = await startFakeWechatPay() })
afterAll(() => fake.close())

const base = () => ({
  NODE_ENV: 'production', SMS_PROVIDER: 'console', HUZHU_DATA_KEY: randomBytes(32).toString('base64'), HUZHU_SIGNING_KEY: randomBytes(32).toString('base64'),
  HUZHU_PUBLIC_URL: 'https://huzhu.example.org',
})

describe('WeChat Pay configuration', () => {
  test('none: online payment off; all: on, with the notice URL under HUZHU_PUBLIC_URL', () => {
    expect(loadConfig(base()).config.wechatPay).toBeUndefined()
    const on = loadConfig({ ...base(), ...fake.env, NODE_ENV: 'test' }).config.wechatPay
    expect(on).toMatchObject({ mchid: fake.mchid, appId: fake.appId, notifyUrl: 'https://huzhu.example.org/api/v1/wechat-pay/notices', apiBase: fake.baseUrl })
  })

  test('production refuses to start with half a configuration, naming what is missing', () => {
    const { WECHATPAY_APIV3_KEY: _key, WECHATPAY_PLATFORM_PUBLIC_KEY: _pub, ...half } = fake.env
    expect(() => loadConfig({ ...base(), ...half })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base(), ...half, NODE_ENV: 'development' })).toThrow(/half configured/)
    expect(() => loadConfig({ ...base(), ...half })).toThrow(/WECHATPAY_APIV3_KEY, WECHATPAY_PLATFORM_PUBLIC_KEY missing/)
    expect(() => loadConfig({ ...base(), ...fake.env, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/32-character APIv3 key/)
    expect(() => loadConfig({ ...base(), ...fake.env, WECHATPAY_MERCHANT_PRIVATE_KEY: '/no/such/file.pem' })).toThrow(/neither a PEM nor a readable file/)
    const { HUZHU_PUBLIC_URL: _url, ...noUrl } = base()
    expect(() => loadConfig({ ...noUrl, ...fake.env })).toThrow(/WECHATPAY_NOTIFY_URL \(or HUZHU_PUBLIC_URL\)/)
  })

  test('production refuses plain http for WeChat Pay or its notices, and a notice URL with a query string', () => {
    // The fake listens on http://127.0.0.1: accepted outside production only.
    expect(loadConfig({ ...base(), ...fake.env, NODE_ENV: 'test' }).config.wechatPay?.apiBase).toBe(fake.baseUrl)
    expect(() => loadConfig({ ...base(), ...fake.env })).toThrow(/WECHATPAY_API_BASE must be https when NODE_ENV=production/)
    const https = { ...base(), ...fake.env, WECHATPAY_API_BASE: 'https://api.mch.weixin.qq.com' }
    expect(loadConfig(https).config.wechatPay?.apiBase).toBe('https://api.mch.weixin.qq.com')
    expect(() => loadConfig({ ...https, HUZHU_PUBLIC_URL: 'http://huzhu.example.org' })).toThrow(/WECHATPAY_NOTIFY_URL must be https/)
    expect(() => loadConfig({ ...https, WECHATPAY_NOTIFY_URL: 'https://huzhu.example.org/notices?from=wx' })).toThrow(/WECHATPAY_NOTIFY_URL must not have a query string/)
  })
})
