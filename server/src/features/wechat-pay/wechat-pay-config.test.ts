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
    const on = loadConfig({ ...base(), ...fake.env }).config.wechatPay
    expect(on).toMatchObject({ mchid: fake.mchid, appId: fake.appId, notifyUrl: 'https://huzhu.example.org/api/v1/wechat-pay/notices', apiBase: fake.baseUrl })
  })

  test('production refuses to start with half a configuration, naming what is missing', () => {
    const { WECHATPAY_APIV3_KEY: _key, WECHATPAY_PLATFORM_PUBLIC_KEY: _pub, ...half } = fake.env
    expect(() => loadConfig({ ...base(), ...half })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base(), ...half })).toThrow(/WECHATPAY_APIV3_KEY, WECHATPAY_PLATFORM_PUBLIC_KEY missing/)
    expect(() => loadConfig({ ...base(), ...fake.env, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/32-character APIv3 key/)
    expect(() => loadConfig({ ...base(), ...fake.env, WECHATPAY_MERCHANT_PRIVATE_KEY: '/no/such/file.pem' })).toThrow(/neither a PEM nor a readable file/)
    const { HUZHU_PUBLIC_URL: _url, ...noUrl } = base()
    expect(() => loadConfig({ ...noUrl, ...fake.env })).toThrow(/WECHATPAY_NOTIFY_URL \(or HUZHU_PUBLIC_URL\)/)
  })
})
