import { chinaTime } from '@huzhu/shared'
import type { Config } from '../../config'
import { DeliveryError } from '../outbox/delivery-error'
import type { NotificationRow } from './notifications.table'
import { miniAppPages } from './mini-app-pages'
import { wechatAccessToken, wechatJson, WechatUnavailable, type WechatTokenDeps } from './wechat-token'

/**
 * WeChat refused this message: 43101 (the member has not subscribed, or used up
 * their one-time subscription), a bad openid or template. Trying again would
 * not help; the notice goes by SMS instead.
 */
export class WechatRefused extends DeliveryError {
  constructor(readonly errcode: number) {
    super(`wechat errcode ${errcode}`)
  }
}

const clip = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text)

/**
 * The subscribe message of one notification. Template keywords: `thing1` the
 * title, `thing2` the body (WeChat allows 20 characters), `time3` when (China time, `2026-11-25 10:03`).
 */
function messageBody(row: NotificationRow, openid: string, templateId: string) {
  return {
    touser: openid,
    template_id: templateId,
    page: row.subject_type === 'claim' ? miniAppPages.claimDetail(row.subject_id) : row.subject_type === 'unit' ? miniAppPages.unit(row.subject_id) : miniAppPages.card(row.subject_id),
    data: { thing1: { value: clip(row.title, 20) }, thing2: { value: clip(row.body, 20) }, time3: { value: chinaTime(row.created_at) } },
    lang: 'zh_CN',
  }
}

/** The subscribe-message template for a notification, when WeChat messages are configured. */
export function wechatTemplateFor(wechat: Config['wechat'], row: NotificationRow): string | undefined {
  if (!wechat.appId || !wechat.secret) return undefined
  return row.subject_type === 'claim' ? wechat.subscribeTemplates.claim : wechat.subscribeTemplates.enrolment
}

/**
 * Sends one notification as a WeChat subscribe message (订阅消息). Throws
 * `WechatRefused` when WeChat refuses this message, `WechatUnavailable` when it
 * could not be asked (both name only an error code). The access token is the
 * one all nodes share (`wechat-token.ts`); one refused as expired is renewed once.
 */
export async function sendSubscribeMessage(
  deps: WechatTokenDeps, wechat: Config['wechat'], row: NotificationRow, openid: string, templateId: string,
): Promise<void> {
  let rejected: string | undefined
  for (const fresh of [false, true]) {
    const token = await wechatAccessToken(deps, wechat, rejected)
    const url = new URL(`${wechat.apiBase}/cgi-bin/message/subscribe/send`)
    url.searchParams.set('access_token', token)
    const reply = await wechatJson(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageBody(row, openid, templateId)),
    })
    const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0
    if (errcode === 0) return
    if ((errcode === 40001 || errcode === 42001) && !fresh) {
      rejected = token // the token expired early: once more with a new one
      continue
    }
    if (errcode === -1 || errcode === 40001 || errcode === 42001) throw new WechatUnavailable(`wechat errcode ${errcode}`)
    throw new WechatRefused(errcode)
  }
}
