import { startTestApp, type TestApp } from '../../../test/helpers'

const consentVersions = { privacy_policy: '2026-11-01', sensitive_personal_info: '2026-11-01', medical_data: '2026-11-01' }

describe('GET /api/v1/client-config', () => {
  test('is public: consent versions, no templates without WeChat settings', async () => {
    const app = await startTestApp()
    try {
      const res = await app.api.get('/api/v1/client-config')
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ wechatSubscribeTemplateIds: [], consentVersions, onlinePayment: false, pendingDays: 7 })
    } finally {
      await app.close()
    }
  })

  test('lists the subscribe-message templates to ask for once WeChat is configured', async () => {
    let app: TestApp | undefined
    try {
      app = await startTestApp({
        env: {
          WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'test-secret',
          WECHAT_SUBSCRIBE_TEMPLATE_CLAIM: 'tpl-claim-status', WECHAT_SUBSCRIBE_TEMPLATE_ENROLMENT: 'tpl-enrolment-status',
        },
      })
      const res = await app.api.get('/api/v1/client-config')
      expect(res.body).toEqual({ wechatSubscribeTemplateIds: ['tpl-claim-status', 'tpl-enrolment-status'], consentVersions, onlinePayment: false, pendingDays: 7 })
    } finally {
      await app?.close()
    }
  })
})
