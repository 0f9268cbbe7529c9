import { startFakeWechat, type FakeWechat } from './fake-wechat'
import { startTestApp, type TestApp } from './test-app'

/** The subscribe-message templates a WeChat-enabled test app is configured with. */
export const testTemplates = { claim: 'tpl-claim-status', enrolment: 'tpl-enrolment-status' } as const

/** A test app wired to a local fake WeChat server, with both subscribe-message templates configured (and `env`, e.g. an SMS provider's). */
export async function startAppWithWechat(env: Record<string, string> = {}): Promise<{ app: TestApp; wechat: FakeWechat; close: () => Promise<void> }> {
  const wechat = await startFakeWechat()
  const app = await startTestApp({
    env: {
      WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATE_CLAIM: testTemplates.claim, WECHAT_SUBSCRIBE_TEMPLATE_ENROLMENT: testTemplates.enrolment,
      ...env,
    },
  })
  return {
    app,
    wechat,
    close: async () => {
      await app.close()
      await wechat.close()
    },
  }
}
