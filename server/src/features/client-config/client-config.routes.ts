import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { CONSENT_TEXT_VERSIONS } from '../members/consent-versions'

export const getClientConfig = defineRoute({
  endpoint: endpoints.clientConfig.getClientConfig, tags: ['client'], access: 'public',
  summary: 'What the app needs at start: WeChat subscribe-message templates to ask for, the consent text versions in force, whether premiums can be paid online',
  responses: { 200: { description: 'The client configuration' } },
  handler(ctx) {
    const { claim, enrolment } = ctx.deps.config.wechat.subscribeTemplates
    const configured = Boolean(ctx.deps.config.wechat.appId && ctx.deps.config.wechat.secret)
    ctx.body = {
      wechatSubscribeTemplateIds: configured ? [claim, enrolment].filter((t): t is string => t !== undefined) : [],
      consentVersions: { ...CONSENT_TEXT_VERSIONS },
      onlinePayment: ctx.deps.wechatPay !== undefined,
      pendingDays: ctx.deps.config.pendingEnrolmentDays,
    }
  },
})

export const clientConfigRoutes = [getClientConfig]
