import type { Logger } from 'pino'
import { maskMobile } from '@huzhu/shared'
import type { SmsConfig } from '../../config'
import { DeliveryError } from '../outbox/delivery-error'
import type { SmsTemplateName } from './sms-config'

/**
 * One SMS: a template approved in the provider's console and the values of its
 * variables, in the template's order (Tencent numbers them `{1}`, `{2}`; Aliyun
 * names them `${code}`, so each value carries its name). Values are short and
 * never sensitive: a login code, a date.
 */
export interface SmsMessage {
  /** A mainland mobile number, 11 digits. */
  phone: string
  template: SmsTemplateName
  params: readonly { name: string; value: string }[]
}

/** Sends SMS. A provider never logs the phone, the code or the provider's own error text. */
export interface SmsProvider {
  readonly name: string
  /** Resolves once the provider accepted the message; rejects (an `SmsSendError` when it answered) otherwise. */
  send(message: SmsMessage, log: Logger): Promise<void>
}

/**
 * The provider refused a message or could not be reached. `reason` is the
 * provider's error code (e.g. `LimitExceeded.PhoneNumberDailyLimit`,
 * `isv.BUSINESS_LIMIT_CONTROL`) or a network code: safe to log and store, as the
 * provider's free text may quote the phone number.
 */
export class SmsSendError extends DeliveryError {
  constructor(readonly provider: string, readonly reason: string) {
    super(`${provider}: ${reason}`)
    this.name = 'SmsSendError'
  }
}

/** How long a provider waits for an answer before the send counts as failed (it is retried). */
export const SMS_TIMEOUT_MS = 10_000

/**
 * The provider outside production: logs that a message was sent (no phone, no values) and,
 * only when given a development channel, prints the message there as a plain
 * line for the developer (with the login code). The channel is never the
 * structured log, and `main` gives one only when NODE_ENV is not production.
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console'

  constructor(private readonly devChannel?: (line: string) => void) {}

  async send(message: SmsMessage, log: Logger): Promise<void> {
    log.info({ provider: 'console', template: message.template }, message.template === 'login_code' ? 'sms login code sent' : 'sms notice sent')
    if (!this.devChannel) return
    const values = message.params.map((p) => p.value).join('、')
    const line = message.template === 'login_code'
      ? `${maskMobile(message.phone)} 的登录验证码：${values}（仅开发环境显示）`
      : `${maskMobile(message.phone)} 的短信通知 ${message.template}：${values}（仅开发环境显示）`
    this.devChannel(`[dev sms] ${line}\n`)
  }
}

/**
 * The provider `SMS_PROVIDER` names. The cloud SDKs are loaded only when
 * chosen (they take most of a second to load).
 */
export async function createSmsProvider(sms: SmsConfig, devChannel?: (line: string) => void): Promise<SmsProvider> {
  if (sms.provider === 'tencent' && sms.tencent) {
    const { TencentSmsProvider } = await import('./sms-tencent')
    return new TencentSmsProvider(sms.tencent, sms.templates)
  }
  if (sms.provider === 'aliyun' && sms.aliyun) {
    const { AliyunSmsProvider } = await import('./sms-aliyun')
    return new AliyunSmsProvider(sms.aliyun, sms.templates)
  }
  return new ConsoleSmsProvider(devChannel)
}
