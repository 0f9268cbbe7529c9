import type { OutboxHandler } from '../outbox/outbox-kinds'
import type { SmsProvider } from './sms'

/** Sends a queued login code (outbox kind `login_code_sms`) with the `login_code` template: one variable, `code`. */
export function loginCodeDelivery(sms: SmsProvider): OutboxHandler<'login_code_sms'> {
  return ({ phone, code }, { log }) => sms.send({ phone, template: 'login_code', params: [{ name: 'code', value: code }] }, log)
}
