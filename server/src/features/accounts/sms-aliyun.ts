import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import type { Logger } from 'pino'
import type { AliyunSmsSettings, SmsTemplateName } from './sms-config'
import { networkReason } from '../outbox/delivery-error'
import { SMS_TIMEOUT_MS, SmsSendError, type SmsMessage, type SmsProvider } from './sms'

/**
 * Aliyun SMS (短信服务, Dysmsapi 2017-05-25 `SendSms`) through the official SDK,
 * which signs each request with the V3 signature (ACS3-HMAC-SHA256 over the
 * canonical request). Template variables are named (`${code}`): the message's
 * values go as a JSON object.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun'
  readonly #client: Dysmsapi

  constructor(private readonly settings: AliyunSmsSettings, private readonly templates: Readonly<Partial<Record<SmsTemplateName, string>>>) {
    const endpoint = settings.endpoint === undefined ? undefined : new URL(settings.endpoint)
    this.#client = new Dysmsapi(new $OpenApiUtil.Config({
      accessKeyId: settings.accessKeyId,
      accessKeySecret: settings.accessKeySecret,
      endpoint: endpoint?.host ?? 'dysmsapi.aliyuncs.com',
      protocol: endpoint?.protocol === 'http:' ? 'http' : 'https',
      connectTimeout: 5_000,
      readTimeout: SMS_TIMEOUT_MS,
    }))
  }

  async send(message: SmsMessage, log: Logger): Promise<void> {
    const templateCode = this.templates[message.template]
    if (templateCode === undefined) throw new SmsSendError(this.name, 'template_not_configured')
    const request = new SendSmsRequest({
      phoneNumbers: message.phone,
      signName: this.settings.signName,
      templateCode,
      ...(message.params.length > 0 ? { templateParam: JSON.stringify(Object.fromEntries(message.params.map((p) => [p.name, p.value]))) } : {}),
    })
    let code: string | undefined
    try {
      // A refused signature or key is an HTTP error (thrown); a refused message answers 200 with its `Code`.
      code = (await this.#client.sendSms(request)).body?.code
    } catch (error) {
      const answered = (error as { code?: unknown }).code
      throw new SmsSendError(this.name, typeof answered === 'string' && answered !== '' && answered !== 'undefined' ? answered : networkReason(error))
    }
    if (code !== 'OK') throw new SmsSendError(this.name, code ?? 'no_code')
    log.info({ provider: this.name, template: message.template }, 'sms sent')
  }
}
