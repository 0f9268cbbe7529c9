import type { Logger } from 'pino'
import { maskMobile } from '@huzhu/shared'

/** Sends login codes by SMS. A provider never logs the phone or the code. */
export interface SmsProvider {
  /** `log` is the request's logger (its lines carry the request id). */
  sendLoginCode(phone: string, code: string, log: Logger): Promise<void>
}

/**
 * The provider outside production: logs "code sent" (no phone, no code) and, only
 * when given a development channel, prints the code there as a plain line for
 * the developer. The channel is never the structured log, and `main` gives one
 * only when NODE_ENV is not production.
 */
export class ConsoleSmsProvider implements SmsProvider {
  constructor(private readonly devChannel?: (line: string) => void) {}

  async sendLoginCode(phone: string, code: string, log: Logger): Promise<void> {
    log.info({ provider: 'console' }, 'sms login code sent')
    this.devChannel?.(`[dev sms] ${maskMobile(phone)} 的登录验证码：${code}（仅开发环境显示）\n`)
  }
}
