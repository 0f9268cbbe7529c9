import type { Logger } from 'pino'
import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import { unseal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import type { SmsProvider } from '../accounts/sms'
import type { OutboxHandler } from '../outbox/outbox-kinds'
import { smsNotice, smsTemplateOf } from './notification-sms'
import { setWechatState } from './notifications.repository'
import type { NotificationRow } from './notifications.table'
import { sendSubscribeMessage, WechatRefused, wechatTemplateFor } from './wechat-subscribe'

export interface NotificationDeliveryDeps {
  db: Db
  config: Config
  protector: DataProtector
  sms: SmsProvider
}

/**
 * By WeChat when the member signed in with WeChat and subscribe messages are
 * configured: true once sent. A refusal (not subscribed, …) marks the message
 * `failed` for WeChat and answers false, so the notice goes by SMS; WeChat
 * unreachable throws, and the outbox tries again later.
 */
async function sentByWechat(deps: NotificationDeliveryDeps, row: NotificationRow, openid: string | null, log: Logger): Promise<boolean> {
  const templateId = wechatTemplateFor(deps.config.wechat, row)
  if (!templateId || !openid) return false
  try {
    await sendSubscribeMessage(deps, deps.config.wechat, row, openid, templateId)
  } catch (error) {
    if (!(error instanceof WechatRefused)) throw error
    log.warn({ notificationId: row.id, reason: error.message }, 'wechat subscribe message failed')
    await setWechatState(deps.db, row.id, 'failed')
    return false
  }
  await setWechatState(deps.db, row.id, 'sent')
  return true
}

/** The member's mobile for notices: the phone they sign in with, else the one in their profile (WeChat accounts). */
async function mobileOf(deps: NotificationDeliveryDeps, userId: string, phoneCiphertext: string | null): Promise<string | undefined> {
  if (phoneCiphertext !== null) return unseal(deps.protector, 'users.phone', userId, phoneCiphertext)
  const profile = await deps.db.selectFrom('member_profiles').select('mobile_ciphertext').where('user_id', '=', userId).executeTakeFirst()
  return profile ? unseal(deps.protector, 'member_profiles.mobile', userId, profile.mobile_ciphertext) : undefined
}

/**
 * Delivers a member's notice (outbox kind `notification`), choosing the channel
 * when it is sent: a WeChat subscribe message to a member who signed in with
 * WeChat, else (or when WeChat refuses it) an SMS for the notices that have an
 * SMS template (`notification-sms.ts`) configured. Others stay in-app only; a
 * disabled account gets nothing.
 */
export function notificationDelivery(deps: NotificationDeliveryDeps): OutboxHandler<'notification'> {
  return async ({ notificationId }, { log }) => {
    // The notice and its member's account in one read (every notice names an account: a foreign key).
    const found = await deps.db.selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .selectAll('notifications')
      .select(['users.wechat_openid', 'users.phone_ciphertext', 'users.disabled_at'])
      .where('notifications.id', '=', notificationId)
      .executeTakeFirst()
    if (!found) return
    const { wechat_openid: openid, phone_ciphertext: phoneCiphertext, disabled_at: disabledAt, ...row } = found
    if (disabledAt !== null) return
    if (await sentByWechat(deps, row, openid, log)) return
    const template = smsTemplateOf(row.kind)
    // The console provider (development) prints every notice; a real one needs the notice's template.
    if (!template || (deps.config.sms.provider !== 'console' && deps.config.sms.templates[template] === undefined)) return
    const message = await smsNotice(deps.db, row, template)
    const phone = message && (await mobileOf(deps, row.user_id, phoneCiphertext))
    if (!message || !phone) return
    await deps.sms.send({ phone, ...message }, log)
  }
}
