import type { Logger } from 'pino'
import { sms } from 'tencentcloud-sdk-nodejs-sms'
import type { SmsTemplateName, TencentSmsSettings } from './sms-config'
import { SMS_TIMEOUT_MS, SmsSendError, type SmsMessage, type SmsProvider } from './sms'

type TencentClient = InstanceType<typeof sms.v20210111.Client>

/**
 * Tencent Cloud SMS (短信, API 2021-01-11 `SendSms`) through the official SDK,
 * which signs each request with TC3-HMAC-SHA256. A template's variables are
 * positional (`{1}`, `{2}`): the message's values in order.
 */
export class TencentSmsProvider implements SmsProvider {
  readonly name = 'tencent'
  readonly #client: TencentClient

  constructor(private readonly settings: TencentSmsSettings, private readonly templates: Readonly<Partial<Record<SmsTemplateName, string>>>) {
    const endpoint = settings.endpoint === undefined ? undefined : new URL(settings.endpoint)
    this.#client = new sms.v20210111.Client({
      credential: { secretId: settings.secretId, secretKey: settings.secretKey },
      region: settings.region,
      profile: {
        httpProfile: {
          reqTimeout: SMS_TIMEOUT_MS / 1000,
          ...(endpoint ? { endpoint: endpoint.host, protocol: `${endpoint.protocol}//` } : {}),
        },
      },
    })
  }

  async send(message: SmsMessage, log: Logger): Promise<void> {
    const templateId = this.templates[message.template]
    if (templateId === undefined) throw new SmsSendError(this.name, 'template_not_configured')
    let response: Awaited<ReturnType<TencentClient['SendSms']>>
    try {
      response = await this.#client.SendSms({
        PhoneNumberSet: [`+86${message.phone}`],
        SmsSdkAppId: this.settings.sdkAppId,
        SignName: this.settings.signName,
        TemplateId: templateId,
        TemplateParamSet: message.params.map((p) => p.value),
      })
    } catch (error) {
      // An error answer (`Response.Error.Code`, e.g. AuthFailure.SignatureFailure) or no answer at all.
      // The SDK wraps a network failure without its code: `unreachable` then.
      const { code, httpCode } = error as { code?: unknown; httpCode?: unknown }
      const reason = typeof code === 'string' && code !== '' ? code : typeof httpCode === 'number' ? `http_${httpCode}` : 'unreachable'
      throw new SmsSendError(this.name, reason)
    }
    // Accepted requests still answer per number: `Ok`, or e.g. LimitExceeded.PhoneNumberThirtySecondLimit.
    const status = response.SendStatusSet?.[0]
    if (status?.Code !== 'Ok') throw new SmsSendError(this.name, status?.Code ?? 'no_send_status')
    log.info({ provider: this.name, template: message.template }, 'sms sent')
  }
}
